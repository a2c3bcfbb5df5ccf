package io.jingda.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A stored picture, keyed by the SHA-256 of its stored bytes. {@link #content} holds the bytes with
 * {@code jingda.media.store=db} and is null with {@code dir}. {@link #usedAt} is the last upload of these
 * bytes or the last save of a question that uses them: the collector keeps a picture its grace period after it.
 */
@Entity
@Table(name = "media")
public class Media {
    @Id
    public String sha256;
    /** {@link MediaKind#ext()}. */
    public String ext;
    public int width;
    public int height;
    public int bytes;
    public byte[] content;
    @Column(name = "used_at")
    public Instant usedAt;
}
