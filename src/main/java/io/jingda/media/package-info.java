/**
 * Pictures in questions: uploads checked and re-encoded ({@link io.jingda.media.MediaProcessor}), stored
 * once per content hash in the database or a directory ({@link io.jingda.media.MediaStore}), their URLs
 * ({@link io.jingda.media.MediaUrls}), and the periodic deletion of pictures no question uses
 * ({@link io.jingda.media.MediaCollector}, which asks every {@link io.jingda.media.MediaUsers}).
 * May import {@code system} only; the bank and the contests depend on it, never the other way round.
 * Subpackage {@code rest}: the upload and the public file route (may import {@code account} for roles).
 */
package io.jingda.media;
