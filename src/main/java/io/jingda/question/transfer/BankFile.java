package io.jingda.question.transfer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Remembers which version (content hash) of a questions/ file was applied. */
@Entity
@Table(name = "bank_file")
public class BankFile {
    @Id
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "set_id")
    public String setId;
    @Column(name = "loaded_at")
    public Instant loadedAt;
}
