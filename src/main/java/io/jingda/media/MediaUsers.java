package io.jingda.media;

import java.util.Set;

/**
 * Something that refers to stored pictures (the bank's questions, contests' copies of them). The
 * collector deletes a picture only when no implementation lists its hash.
 */
public interface MediaUsers {
    /** The hashes of every picture in use. */
    Set<String> hashesInUse();
}
