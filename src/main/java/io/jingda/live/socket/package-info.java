/**
 * The WebSocket side: endpoints for participants, hosts and screens, upgrade checks, socket limits and guards, and LocalFanout, which delivers the engine's broadcasts to this node's connections, and SocketMetrics (connections per contest, outbox depth, frames dropped for slow readers). It only adapts: every rule is in the engine. May import live, live.protocol, contest, account and system.
 */
package io.jingda.live.socket;
