/** The REST API of self-paced contests: the participant's {@code /api/self}, the host's reports. Thin; imports online and below. */
package io.jingda.online.rest;
