package io.jingda.account;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A staff account; the password is a bcrypt hash (modular crypt format). */
@Entity
@Table(name = "account")
@UserDefinition
public class Account {
    @Id
    @GeneratedValue(generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    public Long id;
    @Username
    public String username;
    @Password
    @Column(name = "password_hash")
    public String passwordHash;
    /** Comma-separated: organizer, host, admin. */
    @Roles
    public String roles;
    @Column(name = "created_at")
    public Instant createdAt;
    /**
     * The session version: when (epoch ms) the account's sessions were last revoked, by sign-out or a
     * new password. A session cookie issued or renewed before it no longer works.
     */
    @Column(name = "session_version")
    public long sessionVersion;
}
