/**
 * The example pipelines and the container recipe are files people copy:
 * each must at least be what its tool accepts. GitHub and Forgejo/Gitea
 * workflows go through action-validator (the workflow JSON Schema, the same
 * one actionlint's schema checks start from); GitLab's file is checked for
 * the structure GitLab requires, since its schema is not available offline.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ROOT } from '../helpers/run.ts';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Strict YAML: a syntax error or a duplicated key fails. */
function yamlOf(file: string): Record<string, unknown> {
  const doc = parseDocument(read(file), { uniqueKeys: true });
  expect(
    doc.errors.map((e) => e.message),
    file,
  ).toEqual([]);
  return doc.toJS() as Record<string, unknown>;
}

describe('the example pipelines', () => {
  for (const file of ['deploy/ci/github-actions.yml', 'deploy/ci/forgejo-actions.yml']) {
    it(`${file} is a valid workflow that checks on every push and publishes from main`, () => {
      const workflow = yamlOf(file) as { on: Record<string, unknown>; jobs: Record<string, { if?: string; needs?: string; steps: Array<{ run?: string }> }> };
      expect(validateWorkflow(read(file)).errors).toEqual([]);
      expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'schedule']));
      const runs = (job: string) => (workflow.jobs[job]?.steps ?? []).map((s) => s.run ?? '').join('\n');
      expect(runs('check')).toMatch(/npm run check/);
      expect(workflow.jobs.publish?.needs).toBe('check');
      expect(workflow.jobs.publish?.if).toMatch(/refs\/heads\/main/);
      expect(runs('publish')).toMatch(/npm run build[\s\S]*deploy\/ci\/publish\.sh/);
    });
  }

  it('the validator used above does reject a broken workflow', () => {
    expect(validateWorkflow('on: push\njobs:\n  a:\n    runs-onn: x\n    steps: []\n').errors.length).toBeGreaterThan(0);
  });

  it('deploy/ci/gitlab-ci.yml has its stages, a script in every job and publishes only after a build', () => {
    type Job = { stage?: string; script?: string[]; needs?: string[] };
    const pipeline = yamlOf('deploy/ci/gitlab-ci.yml') as { stages: string[]; publish?: Job };
    const reserved = new Set(['default', 'stages', 'variables', 'cache', 'workflow', 'include']);
    const jobs = Object.entries(pipeline as Record<string, unknown>).filter(([name]) => !reserved.has(name)) as Array<[string, Job]>;
    expect(jobs.map(([name]) => name)).toEqual(['check', 'build', 'publish']);
    for (const [name, job] of jobs) {
      expect(pipeline.stages, name).toContain(job.stage);
      expect(Array.isArray(job.script) && job.script.length > 0, name).toBe(true);
    }
    expect(pipeline.publish?.needs).toEqual(['build']);
    expect(pipeline.publish?.script?.join('\n')).toMatch(/deploy\/ci\/publish\.sh/);
  });

  it('the publish script is valid shell and switches the link in one rename', () => {
    const check = spawnSync('bash', ['-n', join(ROOT, 'deploy/ci/publish.sh')], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(read('deploy/ci/publish.sh')).toMatch(/ln -sfn .* current\.new && mv -T current\.new current/);
  });
});

describe('the container recipe', () => {
  const dockerfile = read('Dockerfile');

  it('builds in a Node stage with the script CI runs, and serves from an nginx stage', () => {
    expect(dockerfile).toMatch(/^FROM node:24\S* AS build$/m);
    expect(dockerfile).toMatch(/^RUN bash deploy\/docker\/build-site\.sh /m);
    expect(dockerfile).toMatch(/^FROM debian:\S+ AS serve$/m);
    expect(dockerfile).toMatch(/nginx libnginx-mod-http-brotli-static/);
  });

  it('copies only files that exist in the repository', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => (m[1] ?? '').split(/\s+/));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) if (source !== '.') expect(existsSync(join(ROOT, source)), source).toBe(true);
  });
});
