/**
 * Self-paced online contests (网络答题, docs/online.md): registration, attempts timed by the server, answers
 * group-committed ({@link io.jingda.online.OnlineWriter}), rankings by person and unit kept incrementally,
 * the organizer's reports. No node holds session state: every request reads what it needs from the database,
 * and every write is conditional on the state it read. Imports contest, question, scoring and system; never
 * live (it shares the contests' snapshot and scoring, not the live rounds).
 */
package io.jingda.online;
