package dev.callcodes.bot.teams;

import dev.callcodes.catalog.report.ReportInput;
import dev.callcodes.catalog.report.ReportInputException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The bot's only outbound file traffic: downloading a file a user sent, and putting the breakdown where Teams said.
 * The links come inside activities, so they are checked before every request, redirects included, and each
 * transfer as a whole (headers and body) has one deadline: a server that drips its answer cannot hold a turn.
 *
 * <p>With credentials the bot talks only to SharePoint Online over https ({@link #TEAMS_LINKS}). Microsoft's
 * "Send and receive files using bot" page (learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4)
 * says a file sent to a bot is first uploaded to the user's OneDrive for Business, and that the file consent flow
 * uploads to the user's OneDrive; both live on {@code TENANT-my.sharepoint.com} (OneDrive) and
 * {@code TENANT.sharepoint.com} (SharePoint sites). The same page says bots cannot send or receive files in GCC High,
 * DoD or 21Vianet, so the sovereign clouds' SharePoint domains are not needed. Without credentials (local mode) the
 * only link is the app's own local file endpoint.
 */
final class FileTransfers {

    static final int MAX_REDIRECTS = 5;
    private static final String SHAREPOINT = ".sharepoint.com";
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(run -> {
        Thread thread = new Thread(run, "file-transfer-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    /** SharePoint Online and OneDrive for Business, over https on the standard port, without credentials in the URL. */
    static final Predicate<URI> TEAMS_LINKS = uri -> {
        String host = uri.getHost();
        if (!"https".equalsIgnoreCase(uri.getScheme()) || host == null || uri.getRawUserInfo() != null
                || (uri.getPort() != -1 && uri.getPort() != 443)) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(SHAREPOINT) && lower.length() > SHAREPOINT.length()
                && lower.substring(0, lower.length() - SHAREPOINT.length()).matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    };

    private final Supplier<HttpClient> http;
    private final Predicate<URI> links;
    private final Duration limit;

    /**
     * @param http  a client that does not follow redirects by itself (each hop is checked here)
     * @param links which links the bot may use
     * @param limit the time a whole transfer may take
     */
    FileTransfers(Supplier<HttpClient> http, Predicate<URI> links, Duration limit) {
        this.http = http;
        this.links = links;
        this.limit = limit;
    }

    /** Whether the bot may use this link at all. */
    boolean allows(String url) {
        return uri(url).filter(links).isPresent();
    }

    /**
     * Opens a download that must finish within the limit, redirects re-checked. Refusals, HTTP errors, a file over
     * {@code maxBytes} and a download that runs out of time are {@link ReportInputException}s with the reason.
     */
    InputStream download(String url, long maxBytes) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        URI target = uri(url).filter(links).orElseThrow(FileTransfers::noUsableLink);
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = await(http.get().sendAsync(HttpRequest.newBuilder(target)
                    .timeout(remaining(deadline)).GET().build(), HttpResponse.BodyHandlers.ofInputStream()), deadline,
                    this::tooSlow);
            int status = response.statusCode();
            if (status / 100 == 3 && response.headers().firstValue("Location").isPresent()) {
                response.body().close();
                if (hop >= MAX_REDIRECTS) {
                    throw new ReportInputException(ReportInputException.Kind.UNREACHABLE,
                            "The link to the file redirected too many times. Send it again,"
                            + " or paste the rows.");
                }
                String location = response.headers().firstValue("Location").get();
                target = uri(location).map(target::resolve).filter(links)
                        .orElseThrow(() -> new ReportInputException(ReportInputException.Kind.UNREACHABLE,
                                "The link to the file led somewhere I do not"
                                + " download from. Send it again, or paste the rows."));
                continue;
            }
            if (status != 200) {
                response.body().close();
                throw new ReportInputException(ReportInputException.Kind.UNREACHABLE,
                        "I could not download the file (HTTP " + status
                        + "). Send it again, or paste the rows.");
            }
            if (response.headers().firstValueAsLong("Content-Length").orElse(-1) > maxBytes) {
                response.body().close();
                throw ReportInput.tooLarge(maxBytes);
            }
            return new Deadline(response.body(), deadline);
        }
    }

    /** PUTs the bytes to an upload link (no redirects: an upload session answers where it is); the HTTP status. */
    int upload(String url, byte[] bytes, String contentRange) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        URI target = uri(url).filter(links).orElseThrow(() -> new IOException("the upload link is not allowed"));
        HttpResponse<Void> put = await(http.get().sendAsync(HttpRequest.newBuilder(target)
                .timeout(remaining(deadline))
                .header("Content-Range", contentRange)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding()),
                deadline, () -> new IOException("the upload did not finish within " + limit.toSeconds() + " seconds"));
        return put.statusCode();
    }

    private static Optional<URI> uri(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            return uri.getHost() == null && uri.getScheme() != null ? Optional.empty() : Optional.of(uri);
        } catch (Exception malformed) {
            return Optional.empty();
        }
    }

    static ReportInputException noUsableLink() {
        return new ReportInputException(ReportInputException.Kind.UNREACHABLE,
                "Teams gave no usable link to the file. Send it again, or paste the rows.");
    }

    private ReportInputException tooSlow() {
        return new ReportInputException(ReportInputException.Kind.UNREACHABLE,
                "The file took longer than " + limit.toSeconds() + " seconds to download."
                + " Send it again, or paste the rows.");
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    private static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> pending, long deadline,
                                             Supplier<IOException> timedOut) throws IOException, InterruptedException {
        try {
            return pending.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut.get();
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                throw timedOut.get();
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("the transfer failed", e.getCause());
        }
    }

    /** A download's body that is cut off at the deadline, even in the middle of a blocked read. */
    private final class Deadline extends FilterInputStream {
        private final ScheduledFuture<?> cutOff;
        private volatile boolean expired;

        Deadline(InputStream body, long deadline) {
            super(body);
            this.cutOff = WATCHDOG.schedule(this::expire, Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }

        private void expire() {
            expired = true;
            try {
                in.close();
            } catch (IOException e) {
                // the reader sees the expiry either way
            }
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                return checked(b);
            } catch (IOException e) {
                throw expired ? tooSlow() : e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int n = super.read(buffer, offset, length);
                return checked(n);
            } catch (IOException e) {
                throw expired ? tooSlow() : e;
            }
        }

        private int checked(int n) throws IOException {
            if (expired) {
                throw tooSlow();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            cutOff.cancel(false);
            super.close();
        }
    }
}
