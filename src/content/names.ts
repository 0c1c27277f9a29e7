/**
 * People's given names, as a reader knows "Joel", "Ana" or "Johan" for a person and "Search" or
 * "Frontend" for a piece of work: the `human-names` lists (English, Dutch, French, German,
 * Spanish, Italian; about 5,300 names). A name alone proves little ("Ruby", "Max", "Hope" are
 * names and words); outline.ts asks for several names side by side (a roster) before it reads a
 * section as a person's.
 */
import deF from 'human-names/data/female-human-names-de.json' with { type: 'json' };
import enF from 'human-names/data/female-human-names-en.json' with { type: 'json' };
import esF from 'human-names/data/female-human-names-es.json' with { type: 'json' };
import frF from 'human-names/data/female-human-names-fr.json' with { type: 'json' };
import itF from 'human-names/data/female-human-names-it.json' with { type: 'json' };
import nlF from 'human-names/data/female-human-names-nl.json' with { type: 'json' };
import deM from 'human-names/data/male-human-names-de.json' with { type: 'json' };
import enM from 'human-names/data/male-human-names-en.json' with { type: 'json' };
import esM from 'human-names/data/male-human-names-es.json' with { type: 'json' };
import frM from 'human-names/data/male-human-names-fr.json' with { type: 'json' };
import itM from 'human-names/data/male-human-names-it.json' with { type: 'json' };
import nlM from 'human-names/data/male-human-names-nl.json' with { type: 'json' };

// Written capitalised in the lists (one Dutch list also holds a few lower-case duplicates).
const GIVEN = new Set(
  [deF, enF, esF, frF, itF, nlF, deM, enM, esM, frM, itM, nlM]
    .flat()
    .filter((name) => /^\p{Lu}/u.test(name))
    .map((name) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()),
);

/** Whether a word is a person's given name in the lists ("Joel", "Adèle", "johan"; not "Frontend"). */
export function isGivenName(word: string): boolean {
  return GIVEN.has(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
}
