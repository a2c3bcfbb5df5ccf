package io.jingda.media;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The pictures, once per content hash: the media table always, the bytes in it or in a directory of
 * files named {@code {sha256}.{ext}}. Saving the same bytes twice (or at once) stores them once.
 */
@ApplicationScoped
public class MediaStore {
    private final EntityManager em;
    private final MediaConfig.Store mode;
    private final Path dir;
    /** Uploads share it; a deletion takes it alone, so a file is never deleted under an upload of the same bytes. */
    private final ReadWriteLock deletions = new ReentrantReadWriteLock();

    public MediaStore(EntityManager em, MediaConfig config) {
        this.em = em;
        this.mode = config.store();
        this.dir = Path.of(config.dir());
    }

    /** Stores a processed picture (or only marks it used when these bytes are already stored). */
    public void save(MediaProcessor.Processed p, Instant now) {
        deletions.readLock().lock();
        try {
            try {
                QuarkusTransaction.requiringNew().run(() -> insertOrTouch(p, now));
            } catch (RuntimeException e) {
                // another upload of the same bytes inserted the row between our update and our insert
                if (QuarkusTransaction.requiringNew().call(() -> touch(List.of(p.sha256()), now)) == 0) {
                    throw e;
                }
            }
            if (mode == MediaConfig.Store.dir) {
                writeFile(p);
            }
        } finally {
            deletions.readLock().unlock();
        }
    }

    private void insertOrTouch(MediaProcessor.Processed p, Instant now) {
        if (touch(List.of(p.sha256()), now) > 0) {
            return;
        }
        Media m = new Media();
        m.sha256 = p.sha256();
        m.ext = p.kind().ext();
        m.width = p.width();
        m.height = p.height();
        m.bytes = p.content().length;
        m.content = mode == MediaConfig.Store.db ? p.content() : null;
        m.usedAt = now;
        em.persist(m);
        em.flush();
    }

    /** Marks pictures used now (in the caller's transaction); returns how many exist. */
    public int touch(Collection<String> hashes, Instant now) {
        if (hashes.isEmpty()) {
            return 0;
        }
        return em.createQuery("update Media m set m.usedAt = :now where m.sha256 in :s")
                .setParameter("now", now).setParameter("s", hashes).executeUpdate();
    }

    /** Which of these hashes are stored. */
    public Set<String> existing(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select m.sha256 from Media m where m.sha256 in :s", String.class)
                .setParameter("s", hashes).getResultList());
    }

    /** The bytes of a stored picture of that kind, if any. */
    public Optional<byte[]> content(String sha256, MediaKind kind) {
        if (mode == MediaConfig.Store.dir) {
            try {
                Path f = file(sha256, kind);
                return Files.exists(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return QuarkusTransaction.joiningExisting().call(() -> em.createQuery(
                        "select m.content from Media m where m.sha256 = :s and m.ext = :e", byte[].class)
                .setParameter("s", sha256).setParameter("e", kind.ext()).getResultStream().findFirst());
    }

    /** Hashes of the pictures not used since {@code cutoff}. */
    List<String> unusedSince(Instant cutoff) {
        return em.createQuery("select m.sha256 from Media m where m.usedAt < :c", String.class)
                .setParameter("c", cutoff).getResultList();
    }

    /** Deletes a picture unless it was used since {@code cutoff} (by an upload or a question saved meanwhile). */
    boolean deleteIfUnusedSince(String sha256, Instant cutoff) {
        deletions.writeLock().lock();
        try {
            String ext = QuarkusTransaction.requiringNew().call(() -> {
                List<String> exts = em.createQuery("select m.ext from Media m where m.sha256 = :s", String.class)
                        .setParameter("s", sha256).getResultList();
                int deleted = em.createQuery("delete from Media m where m.sha256 = :s and m.usedAt < :c")
                        .setParameter("s", sha256).setParameter("c", cutoff).executeUpdate();
                return deleted == 1 && !exts.isEmpty() ? exts.get(0) : null;
            });
            if (ext != null && mode == MediaConfig.Store.dir) {
                Files.deleteIfExists(file(sha256, MediaKind.byExt(ext).orElseThrow()));
            }
            return ext != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deletions.writeLock().unlock();
        }
    }

    private void writeFile(MediaProcessor.Processed p) {
        Path target = file(p.sha256(), p.kind());
        try {
            if (Files.exists(target)) {
                return;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, p.sha256(), ".part");
            Files.write(tmp, p.content());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private Path file(String sha256, MediaKind kind) {
        return dir.resolve(sha256 + "." + kind.ext());
    }
}
