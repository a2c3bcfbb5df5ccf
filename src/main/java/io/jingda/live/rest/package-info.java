/**
 * The participants' REST entry to the engine (POST /api/join). May import live, contest and system.
 */
package io.jingda.live.rest;
