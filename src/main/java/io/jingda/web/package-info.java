/**
 * The pages: page routes with their role checks, the message catalogs, the session resource
 * (sign-in state, password change), QR codes of join links and the CSRF guard; the static assets
 * live in src/main/resources. May import {@code account}, {@code question} and {@code system}.
 */
package io.jingda.web;
