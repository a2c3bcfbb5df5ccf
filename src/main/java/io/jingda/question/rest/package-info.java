/**
 * The thin REST resources of the bank: questions, sets, imports and exports. They map requests,
 * check roles and call the services. May import {@code question} and its subpackages,
 * {@code account} (roles) and {@code system}.
 */
package io.jingda.question.rest;
