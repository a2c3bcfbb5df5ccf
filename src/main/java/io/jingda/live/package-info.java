/**
 * The live engine: ContestRuntime (one live contest's state, behind its own lock), ContestLifecycle (host actions, timers, recovery), the round policies (RoundMode, RoundState, StandardRound), AnswerIntake and JoinService (what arrives from participants), LiveWriter (group commit) and LiveStore (the engine's SQL), LiveContests (what this node runs), LiveMetrics (the engine's meters), ContestMdc (contestId in the logging MDC), Warmup and WarmupOnStart (a synthetic contest played in memory at start, so the JIT has compiled the close path), the LiveRanking and Standings ports, and LiveEngine, the implementation of contest's ContestEngine. May import live.protocol, contest, question, scoring, account and system; never live.socket, live.rest or web.
 */
package io.jingda.live;
