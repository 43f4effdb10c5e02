import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, VERSION } from './program.js';

/** Every command of the tree, the top level included, with its full name ("consultation report"). */
function allCommands(command: Command, prefix = ''): { name: string; command: Command }[] {
  const name = prefix ? `${prefix} ${command.name()}` : command.name();
  return [{ name, command }, ...command.commands.flatMap((sub) => allCommands(sub, name))];
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** "Vietnamese / English": a Vietnamese part with its diacritics, then an English part. */
function isBilingual(text: string): boolean {
  const at = text.indexOf(' / ');
  if (at < 0) return false;
  const [vi, en] = [text.slice(0, at), text.slice(at + 3)];
  return VIETNAMESE.test(vi) && /\b[a-z]{3,}\b/i.test(en.replace(/\S*[^ -~]\S*/g, ''));
}

const commands = allCommands(buildProgram());

describe('lantoa --help', () => {
  it('covers every command of the platform and the modules', () => {
    const names = commands.map((c) => c.name);
    for (const name of ['lantoa start', 'lantoa units import', 'lantoa consultation report', 'lantoa directives parse', 'lantoa jobs run', 'lantoa restore']) {
      expect(names).toContain(name);
    }
  });

  it.each(commands)('$name: description, arguments, options and headings in Vietnamese and English', ({ command }) => {
    const texts = [
      command.description(),
      ...command.registeredArguments.map((a) => a.description),
      ...command.options.map((o) => o.description),
      ...command.createHelp().visibleOptions(command).map((o) => o.description),
    ];
    for (const text of texts) expect(isBilingual(text), text).toBe(true);
    const help = command.helpInformation();
    expect(help).toContain('Cách dùng / Usage:');
    expect(help).toContain('Tùy chọn / Options:');
    // Commander's own English-only notes (default, choices, env) never appear: defaults are told in both languages.
    const helper = command.createHelp();
    for (const option of helper.visibleOptions(command)) expect(helper.optionDescription(option), option.flags).toBe(option.description);
    for (const argument of helper.visibleArguments(command)) expect(helper.argumentDescription(argument), argument.name()).toBe(argument.description);
  });

  it.each(commands)('$name: a required option is never described as having a default', ({ command }) => {
    for (const option of command.options.filter((o) => o.mandatory)) {
      expect(option.description, option.flags).not.toMatch(/mặc định|default/i);
      expect(option.defaultValue, option.flags).toBeUndefined();
    }
  });
});

describe('lantoa --version', () => {
  it("is package.json's version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(buildProgram().version()).toBe(pkg.version);
  });
});
