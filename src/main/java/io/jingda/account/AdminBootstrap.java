package io.jingda.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/** On first start (no account at all), creates the admin account. */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final Optional<String> password;

    public AdminBootstrap(AccountService accounts, @ConfigProperty(name = "jingda.admin.password") Optional<String> password) {
        this.accounts = accounts;
        this.password = password;
    }

    void onStart(@Observes StartupEvent ev) {
        if (accounts.count() > 0) {
            return;
        }
        String pw = password.filter(p -> !p.isBlank()).orElse(null);
        boolean generated = pw == null;
        if (generated) {
            pw = generate();
        }
        try {
            accounts.create(new AccountRequest("admin", pw, List.of(Roles.ADMIN)));
        } catch (RuntimeException e) {
            if (accounts.count() > 0) {
                // several nodes started at once on one database: another one created it first
                LOG.info("The first account was created by another node starting at the same time");
                return;
            }
            throw e;
        }
        if (generated) {
            LOG.warnf("Created the first account: user 'admin', password '%s'. It is shown only this once; "
                    + "set jingda.admin.password (env JINGDA_ADMIN_PASSWORD) to choose it.", pw);
        } else {
            LOG.info("Created the first account 'admin' with the password from jingda.admin.password");
        }
    }

    private static String generate() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
