import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the Teams app icons: a telephone handset with a question mark, the product's "what does this call code
 * mean". The PNGs are committed, so the build needs no graphics; run this again only to change the artwork:
 * {@code java manifest/src/build/DrawIcons.java manifest/src/main/teams}.
 * Shapes only, no fonts, so every machine draws the same pixels.
 */
public final class DrawIcons {

    /** The manifest's accentColor: Teams fills the tile behind the outline icon with it. */
    static final Color BRAND = new Color(0x0E, 0x6E, 0x8C);
    static final Color BADGE = new Color(0xF5, 0xA6, 0x23);

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java DrawIcons.java OUTPUT_DIRECTORY");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        ImageIO.write(color(), "png", out.resolve("color.png").toFile());
        ImageIO.write(outline(), "png", out.resolve("outline.png").toFile());
    }

    /** 192x192, full bleed brand colour (Teams rounds the corners), the motif inside the central safe area. */
    static BufferedImage color() {
        int size = 192;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(BRAND);
        g.fillRect(0, 0, size, size);
        g.setColor(Color.WHITE);
        g.fill(handset(30, 62, 104));
        g.setColor(BADGE);
        g.fill(new Ellipse2D.Double(96, 34, 62, 62));
        g.setColor(BRAND);
        g.fill(questionMark(127, 65, 40, 7.5));
        g.dispose();
        return image;
    }

    /** 32x32, white on transparent: Teams tints it, so any other colour would be wrong. */
    static BufferedImage outline() {
        int size = 32;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(Color.WHITE);
        g.fill(handset(2, 9, 21));
        g.fill(questionMark(24, 9.5, 14, 2.6));
        g.dispose();
        whiten(image);
        return image;
    }

    /**
     * A handset in a square of side {@code size} at (x, y): a curved handle with a pad at each end, the mouthpiece
     * bottom left and the earpiece top right, as the usual call glyph.
     */
    static Shape handset(double x, double y, double size) {
        // The handle is the lower-left quarter of a circle; a pad at each end faces into the curve.
        Area shape = new Area(new BasicStroke(0.19f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                .createStrokedShape(new Arc2D.Double(0.22, -0.47, 1.24, 1.24, 180, 90, Arc2D.OPEN)));
        shape.add(pad(0.25, 0.17, 0.40, 0.26, Math.toRadians(14)));
        shape.add(pad(0.82, 0.74, 0.26, 0.40, Math.toRadians(-14)));
        AffineTransform toBox = new AffineTransform();
        toBox.translate(x, y);
        toBox.scale(size, size);
        return toBox.createTransformedShape(shape);
    }

    /** A rounded pad of width w and height h centred on (cx, cy), turned by {@code angle} radians. */
    private static Area pad(double cx, double cy, double w, double h, double angle) {
        AffineTransform turn = AffineTransform.getRotateInstance(angle, cx, cy);
        return new Area(turn.createTransformedShape(
                new RoundRectangle2D.Double(cx - w / 2, cy - h / 2, w, h, 0.2, 0.2)));
    }

    /** A question mark of height {@code height} centred on (cx, cy), drawn with a round pen of width {@code pen}. */
    static Shape questionMark(double cx, double cy, double height, double pen) {
        double r = height * 0.22;
        double top = cy - height / 2 + pen / 2;
        Path2D hook = new Path2D.Double();
        hook.moveTo(cx - r, top + r);
        hook.append(new Arc2D.Double(cx - r, top, 2 * r, 2 * r, 180, -230, Arc2D.OPEN), true);
        hook.quadTo(cx, top + 2.1 * r, cx, top + 2.6 * r);
        hook.lineTo(cx, cy + height * 0.16);
        Area mark = new Area(new BasicStroke((float) pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                .createStrokedShape(hook));
        double dot = pen * 1.15;
        mark.add(new Area(new Ellipse2D.Double(cx - dot / 2, cy + height / 2 - dot, dot, dot)));
        return mark;
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /** Antialiased edges keep their alpha but lose any rounding error in colour, so every pixel is pure white. */
    private static void whiten(BufferedImage image) {
        for (int py = 0; py < image.getHeight(); py++) {
            for (int px = 0; px < image.getWidth(); px++) {
                int alpha = image.getRGB(px, py) >>> 24;
                image.setRGB(px, py, alpha == 0 ? 0 : alpha << 24 | 0xFFFFFF);
            }
        }
    }
}
