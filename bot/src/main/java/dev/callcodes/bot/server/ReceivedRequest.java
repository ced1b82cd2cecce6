package dev.callcodes.bot.server;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The request as its handler sees it: the same request, its body read from what {@link RequestBodyGuard} received. */
final class ReceivedRequest extends HttpServletRequestWrapper {

    private ReceivedBody body;
    private ServletInputStream stream;
    private BufferedReader reader;

    ReceivedRequest(HttpServletRequest request) {
        super(request);
    }

    void body(ReceivedBody received) {
        this.body = received;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() was already called");
        }
        if (stream == null) {
            stream = new Stream(body.open());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (stream != null) {
            throw new IllegalStateException("getInputStream() was already called");
        }
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                throw new UnsupportedEncodingException("the request's charset is not known");
            }
            reader = new BufferedReader(new InputStreamReader(body.open(), charset));
        }
        return reader;
    }

    @Override
    public int getContentLength() {
        return body.size() > Integer.MAX_VALUE ? -1 : (int) body.size();
    }

    @Override
    public long getContentLengthLong() {
        return body.size();
    }

    private static final class Stream extends ServletInputStream {
        private final InputStream in;
        private boolean finished;

        Stream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            finished = n < 0;
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the body has already been received");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
