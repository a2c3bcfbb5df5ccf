/**
 * Contest definitions and their rules: the aggregate (Contest, the ContestQuestion snapshots), ContestService (create, edit, draw, delete, join limits), ContestPlans (a definition as a YAML or JSON plan, and back), settings, statuses and actions, and LiveQuestion, the compiled form of a question the engine judges against. It asks the live engine through the ContestEngine port, which the engine implements; it may import question, scoring, account and system, never live or web.
 */
package io.jingda.contest;
