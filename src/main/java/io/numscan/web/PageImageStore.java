package io.numscan.web;

import io.numscan.geom.GrayImage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jboss.logging.Logger;

/**
 * Keeps the page images of scanned documents as PNG files for a bounded time, under an id that
 * cannot be guessed, so the page can draw the result boxes over them. Expired documents are
 * deleted by a sweeper and are never served, even before the sweeper comes by.
 */
@ApplicationScoped
public class PageImageStore {
    private static final Logger LOG = Logger.getLogger(PageImageStore.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final boolean ownsRoot;
    private final Duration keep;
    private final Clock clock;
    /** Documents being scanned: their images are written but not yet timed. */
    private final Map<String, Boolean> pending = new ConcurrentHashMap<>();
    /** Documents scanned, with the time their time to live started. */
    private final Map<String, Instant> created = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    @Inject
    PageImageStore(WebConfig config) throws IOException {
        this(config.pageImages().dir().map(Path::of).orElse(null), config.pageImages().keep(), Clock.systemUTC());
    }

    PageImageStore(Path dir, Duration keep, Clock clock) throws IOException {
        this.ownsRoot = dir == null;
        this.root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("numscan-pages-");
        this.keep = keep;
        this.clock = clock;
        long every = Math.max(1, Math.min(keep.toMillis() / 2, 60_000));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "numscan-page-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    public Duration keep() {
        return keep;
    }

    /** A new document id (128 random bits, URL-safe); its pages are put, then it is published or discarded. */
    public String newDocument() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        pending.put(id, Boolean.TRUE);
        return id;
    }

    public void put(String id, int page, GrayImage image) {
        if (!pending.containsKey(id)) {
            throw new IllegalArgumentException("unknown document id " + id);
        }
        try {
            Path dir = Files.createDirectories(root.resolve(id));
            Path tmp = Files.createTempFile(dir, "page-", ".tmp");
            if (!ImageIO.write(image.toBufferedImage(), "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(tmp, dir.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep page " + page + " image: " + e.getMessage(), e);
        }
    }

    /** The PNG of one page, while it is kept. */
    public Optional<Path> find(String id, int page) {
        if (id == null || !ID.matcher(id).matches() || page < 1) {
            return Optional.empty();
        }
        Instant when = created.get(id);
        if (when == null || expired(when)) {
            return Optional.empty();
        }
        Path file = root.resolve(id).resolve(page + ".png");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The document's pages can be fetched from now on, for {@link #keep()}. */
    public void publish(String id) {
        if (pending.remove(id) != null) {
            created.put(id, clock.instant());
        }
    }

    /** Forgets a document at once (e.g. one that failed half-way). */
    public void discard(String id) {
        pending.remove(id);
        created.remove(id);
        delete(root.resolve(id));
    }

    void sweep() {
        try {
            created.entrySet().removeIf(e -> {
                if (expired(e.getValue())) {
                    delete(root.resolve(e.getKey()));
                    return true;
                }
                return false;
            });
        } catch (RuntimeException e) {
            LOG.warnf("sweeping page images failed: %s", e.getMessage());
        }
    }

    private boolean expired(Instant when) {
        return !clock.instant().isBefore(when.plus(keep));
    }

    @PreDestroy
    void close() {
        sweeper.shutdownNow();
        if (ownsRoot) {
            delete(root);
        } else {
            created.keySet().forEach(id -> delete(root.resolve(id)));
            pending.keySet().forEach(id -> delete(root.resolve(id)));
        }
        created.clear();
        pending.clear();
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debugf("cannot delete %s: %s", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.debugf("cannot delete %s: %s", path, e.getMessage());
        }
    }
}
