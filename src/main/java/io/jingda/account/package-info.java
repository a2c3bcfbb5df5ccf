/**
 * Who someone is and how they sign in: the account entity and its service and REST resource, roles,
 * the first admin, the identity and session providers, the encrypted session cookie, the sign-in
 * guard and throttle (lockout after failures), the cache of verified sign-ins (CredentialCache) and
 * the security error mappers. May import {@code system} only; every feature that checks a role imports
 * this package.
 */
package io.jingda.account;
