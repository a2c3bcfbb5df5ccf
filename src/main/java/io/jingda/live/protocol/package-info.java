/**
 * The wire format of the live protocol and the outbound port: message records (Messages), their serialisation (Frames), audiences, and Fanout with the data it carries (PlayerFrames, Personal, OptionOrder), so a broadcast can be published to another node. May import contest (question views), question (source records) and system; never the engine (io.jingda.live) or the sockets.
 */
package io.jingda.live.protocol;
