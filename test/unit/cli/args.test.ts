// Tests of command-line parsing: commands, formats per command, --fail-on and its alias --exit-zero.
import { describe, expect, it } from 'vitest';
import { parseCliArguments, UsageError, type CliArguments } from '../../../server/src/cli/args';

const parse = (...argv: string[]): CliArguments => {
  const parsed = parseCliArguments(argv);
  if (parsed === 'help') throw new Error('help');
  return parsed;
};
const usageError = (...argv: string[]): string => {
  try {
    parseCliArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
};

describe('parseCliArguments', () => {
  it('defaults the format per command', () => {
    expect(parse('plan').format).toBe('text');
    expect(parse('check').format).toBe('text');
    expect(parse('graph').format).toBe('mermaid');
    expect(parse('check', '--format', 'sarif', 'dir')).toMatchObject({ command: 'check', format: 'sarif', directory: 'dir' });
    expect(parse('graph', '--format', 'dot').format).toBe('dot');
  });

  it('refuses a format the command does not have', () => {
    expect(usageError('plan', '--format', 'sarif')).toBe("plan has no format 'sarif' (text, json)");
    expect(usageError('graph', '--format', 'text')).toBe("graph has no format 'text' (mermaid, dot, json)");
    expect(usageError('check', '--format', 'xml')).toBe("check has no format 'xml' (text, json, sarif, github)");
  });

  it('reads --fail-on, with error by default and --exit-zero as never', () => {
    expect(parse('check').failOn).toBe('error');
    expect(parse('check', '--fail-on', 'warning').failOn).toBe('warning');
    expect(parse('check', '--fail-on', 'hint').failOn).toBe('hint');
    expect(parse('check', '--exit-zero').failOn).toBe('never');
    expect(parse('check', '--exit-zero', '--fail-on', 'never').failOn).toBe('never');
    expect(usageError('check', '--fail-on', 'fatal')).toBe("--fail-on takes error, warning, info, hint, never, not 'fatal'");
    expect(usageError('check', '--exit-zero', '--fail-on', 'warning')).toBe('--exit-zero means --fail-on never; it contradicts --fail-on warning');
  });

  it('knows the graph command and refuses unknown ones', () => {
    expect(parse('graph', 'repo').command).toBe('graph');
    expect(usageError('draw')).toBe("unknown command 'draw'");
  });
});
