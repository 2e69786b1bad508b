import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  return readdirSync(full).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|vue|mjs|js)$/.test(name) ? [rel] : [];
  });
}

const importsOf = (file: string): string[] => {
  const text = readFileSync(path.join(root, file), 'utf8');
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)];
  return found.map((match) => match[1] as string);
};

const isUnder = (file: string, dir: string) => file.split(path.sep).join('/').startsWith(dir);

describe('layering (VS Code style: each layer imports only the ones below it)', () => {
  const all = ['shared', 'electron', 'renderer/src', 'scripts', 'test'].flatMap(sourceFiles);

  it('finds the sources it checks', () => {
    expect(all.some((f) => isUnder(f, 'electron/core/'))).toBe(true);
    expect(all.some((f) => isUnder(f, 'renderer/src/'))).toBe(true);
  });

  it('lets only the Electron shell (and its tests) import electron', () => {
    const offenders = all.filter(
      (file) =>
        !isUnder(file, 'electron/shell/') &&
        !isUnder(file, 'test/shell/') &&
        importsOf(file).some((spec) => spec === 'electron' || spec.startsWith('electron/')),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps shared/ free of Node, the core and the renderer', () => {
    const offenders = sourceFiles('shared').filter((file) =>
      importsOf(file).some((spec) => spec.startsWith('node:') || /(^|\/)(electron|renderer)\//.test(spec)),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the renderer away from the core and the shell', () => {
    const offenders = sourceFiles('renderer/src').filter((file) =>
      importsOf(file).some((spec) => spec.startsWith('node:') || /(^|\/)electron\//.test(spec)),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the core away from the shell, the host and the renderer', () => {
    const offenders = sourceFiles('electron/core').filter((file) =>
      importsOf(file).some((spec) => /(^|\/)(shell|host|renderer)\//.test(spec)),
    );
    expect(offenders).toEqual([]);
  });
});
