package io.jingda.account;

import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class AccountService {
    private final AccountRepository accounts;
    private final CredentialCache signIns;
    private final TransactionSynchronizationRegistry transactions;

    public AccountService(AccountRepository accounts, CredentialCache signIns,
                          TransactionSynchronizationRegistry transactions) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.transactions = transactions;
    }

    public List<AccountDto> list() {
        return accounts.listAll(io.quarkus.panache.common.Sort.by("username")).stream().map(AccountService::toDto).toList();
    }

    public AccountDto create(AccountRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw ApiException.invalid(List.of(new FieldError("body", "is required")));
        }
        if (r.username() == null || !r.username().matches("[A-Za-z0-9._-]{3,64}")) {
            errors.add(new FieldError("username", "must be 3-64 letters, digits, '.', '_' or '-'"));
        }
        checkPassword("password", r.password(), errors);
        checkRoles(r.roles(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (accounts.findByUsername(r.username()).isPresent()) {
            throw ApiException.conflict("DUPLICATE_ID", "an account named '" + r.username() + "' already exists");
        }
        Account a = new Account();
        a.username = r.username();
        a.passwordHash = BcryptUtil.bcryptHash(r.password());
        a.roles = String.join(",", new LinkedHashSet<>(r.roles()));
        a.createdAt = Instant.now();
        accounts.persist(a);
        return toDto(a);
    }

    public boolean delete(String username, String caller) {
        if (username.equals(caller)) {
            throw ApiException.conflict("SELF_DELETE", "you cannot delete the account you are signed in with");
        }
        forgetSignIns(username);
        return accounts.delete("username", username) > 0;
    }

    /**
     * New roles for an account, in force at its next request (HTTP Basic and sessions alike). An admin
     * cannot take the admin role from themselves. Empty if there is no such account.
     */
    public Optional<AccountDto> changeRoles(String username, RoleChange body, String caller) {
        List<FieldError> errors = new ArrayList<>();
        checkRoles(body == null ? null : body.roles(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (username.equals(caller) && !body.roles().contains(Roles.ADMIN)) {
            throw ApiException.conflict("SELF_DEMOTE", "you cannot take the admin role from the account you are signed in with");
        }
        Account a = accounts.findByUsername(username).orElse(null);
        if (a == null) {
            return Optional.empty();
        }
        a.roles = String.join(",", new LinkedHashSet<>(body.roles()));
        forgetSignIns(a.username);
        return Optional.of(toDto(a));
    }

    /** A new password from an admin: every session of the account ends. False if there is no such account. */
    public boolean resetPassword(String username, String password) {
        List<FieldError> errors = new ArrayList<>();
        checkPassword("password", password, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Account a = accounts.findByUsername(username).orElse(null);
        if (a == null) {
            return false;
        }
        a.passwordHash = BcryptUtil.bcryptHash(password);
        a.sessionVersion = revocationTime();
        forgetSignIns(a.username);
        return true;
    }

    /**
     * The one place an account's remembered sign-ins (HTTP Basic, CredentialCache) are dropped, on every
     * change of what a sign-in checks or grants: now, so that no check running from here on puts an old
     * result, and again when the transaction ends, for a check that read the old row before it committed.
     */
    private void forgetSignIns(String username) {
        signIns.forget(username);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                signIns.forget(username);
            }
        });
    }

    /** Ends every session of the account (sign-out): wherever its cookies were saved, they no longer work. */
    public void revokeSessions(String username) {
        accounts.update("sessionVersion = ?1 where username = ?2", revocationTime(), username);
    }

    /** Quarkus stamps session cookies with the system clock, so revocations use it too (not a test clock). */
    private static long revocationTime() {
        return System.currentTimeMillis();
    }

    Optional<AccountCredentials> credentials(String username) {
        return accounts.findByUsername(username).map(a -> new AccountCredentials(a.username, a.passwordHash,
                toDto(a).roles(), a.sessionVersion));
    }

    private static void checkRoles(List<String> roles, List<FieldError> errors) {
        if (roles == null || roles.isEmpty()) {
            errors.add(new FieldError("roles", "needs at least one of organizer, host, admin"));
        } else {
            roles.stream().filter(x -> !Roles.ALL.contains(x)).forEach(x ->
                    errors.add(new FieldError("roles", "unknown role '" + x + "' (organizer, host or admin)")));
        }
    }

    static void checkPassword(String field, String password, List<FieldError> errors) {
        if (password == null || password.length() < 8 || password.length() > 72) {
            errors.add(new FieldError(field, "must be 8 to 72 characters"));
        }
    }

    public long count() {
        return accounts.count();
    }

    private static AccountDto toDto(Account a) {
        return new AccountDto(a.username, Arrays.stream(a.roles.split(",")).map(String::strip).toList());
    }
}
