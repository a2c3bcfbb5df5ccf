/**
 * The organizer's dashboard socket, {@code /ws/online/{contestId}}: the endpoint, its upgrade check
 * (signed-in host of the contest or admin, same origin) and the feed that computes a contest's
 * dashboard once per interval for all of its subscribers and pushes it while it changes. It only
 * adapts: the figures are {@code online}'s. Imports online and below (contest, account, system).
 */
package io.jingda.online.socket;
