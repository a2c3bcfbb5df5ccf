package io.jingda.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one {@link CredentialCache} of this process: a plain class, built here from its settings. */
@ApplicationScoped
class CredentialCacheProducer {
    @Produces
    @Singleton
    CredentialCache credentialCache(AuthConfig config, AuthClock clock) {
        AuthConfig.BasicCache c = config.basicCache();
        return new CredentialCache(c.ttl(), c.maxSize(), clock::now);
    }
}
