/**
 * What every feature shares and nothing of ours is needed for: the error shape and its mappers
 * ({@code ApiException}, {@code ApiError}), JSON ({@code JsonText}, strict parsing, error
 * descriptions), SHA-256 ({@code Hashing}), spreadsheets (the formula guard, CSV and XLSX writing),
 * text folding, the same-origin rule, the token bucket and rate-limited logging. Imports nothing
 * from {@code io.jingda}: it is the bottom of the package graph.
 */
package io.jingda.system;
