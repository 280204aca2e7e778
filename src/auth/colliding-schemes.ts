/**
 * @module Schemes a requirement asks for together that travel in the same place: Google's documents require
 * "Oauth2" and "Oauth2c", two OAuth flows that each send a bearer token in Authorization. A request carries one
 * Authorization header, so such a requirement is met by either: it becomes one alternative per choice.
 */
import { credentialPlace, type SchemeUse } from './schemes/scheme-use.js';

/** Alternatives one requirement may be split into at most: beyond, it stays as written. */
const maxChoices = 16;

/** The requirement as alternatives that each send at most one credential per place (one, unchanged, when none collide). */
export function withoutCollisions(requirement: SchemeUse[]): SchemeUse[][] {
  const places = new Map<string, SchemeUse[]>();
  for (const use of requirement) {
    const sent = credentialPlace(use);
    if (!sent) continue; // nothing else can go where mutual TLS goes
    const place = `${sent.in} ${sent.name}`;
    places.set(place, [...(places.get(place) ?? []), use]);
  }
  const colliding = [...places.values()].filter((uses) => uses.length > 1);
  if (!colliding.length || colliding.reduce((n, uses) => n * uses.length, 1) > maxChoices) return [requirement];
  let choices: SchemeUse[][] = [[]];
  for (const uses of colliding) choices = choices.flatMap((chosen) => uses.map((use) => [...chosen, use]));
  const dropped = new Set(colliding.flat());
  return choices.map((chosen) => requirement.filter((use) => !dropped.has(use) || chosen.includes(use)));
}
