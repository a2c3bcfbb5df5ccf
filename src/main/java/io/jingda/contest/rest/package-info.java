/**
 * The host's contest API (/api/contests): thin JAX-RS resources that map requests to contest services and to the ContestEngine port. May import contest and its subpackages, account and system.
 */
package io.jingda.contest.rest;
