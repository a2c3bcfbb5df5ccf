/**
 * Results of a contest (standings, per-question statistics) as JSON, CSV and XLSX. May import contest, question, scoring, system; never live.
 */
package io.jingda.contest.results;
