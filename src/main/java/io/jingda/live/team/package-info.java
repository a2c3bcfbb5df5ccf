/**
 * The rules of team rounds (mandatory, buzzer, wager, tie-break) as a pure, event-sourced state machine
 * ({@link io.jingda.live.team.Match}) and the events it stores ({@link io.jingda.live.team.RoundEvent}). It
 * imports the contest definitions, the protocol's message records and the scoring rules (multipliers), never the engine (io.jingda.live), the
 * sockets, Quarkus or JDBC: the engine runs it under a contest runtime's lock and stores its events.
 */
package io.jingda.live.team;
