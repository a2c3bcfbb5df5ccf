/**
 * The media routes: {@code POST /api/media} (organizers and admins) and the public, immutable
 * {@code GET /media/{sha256}.{ext}}. Thin: they only adapt {@link io.jingda.media.MediaService} and
 * {@link io.jingda.media.MediaStore}. May import {@code media}, {@code account} (roles) and {@code system}.
 */
package io.jingda.media.rest;
