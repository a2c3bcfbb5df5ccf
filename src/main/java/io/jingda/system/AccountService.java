package io.jingda.system;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

@ApplicationScoped
@Transactional
public class AccountService {
    private final AccountRepository accounts;

    public AccountService(AccountRepository accounts) {
        this.accounts = accounts;
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
        if (r.password() == null || r.password().length() < 8 || r.password().length() > 72) {
            errors.add(new FieldError("password", "must be 8 to 72 characters"));
        }
        if (r.roles() == null || r.roles().isEmpty()) {
            errors.add(new FieldError("roles", "needs at least one of organizer, host, admin"));
        } else {
            r.roles().stream().filter(x -> !Roles.ALL.contains(x)).forEach(x ->
                    errors.add(new FieldError("roles", "unknown role '" + x + "' (organizer, host or admin)")));
        }
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
        return accounts.delete("username", username) > 0;
    }

    public long count() {
        return accounts.count();
    }

    private static AccountDto toDto(Account a) {
        return new AccountDto(a.username, Arrays.stream(a.roles.split(",")).map(String::strip).toList());
    }
}
