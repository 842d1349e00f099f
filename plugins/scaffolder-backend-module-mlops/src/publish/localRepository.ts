import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import fs from 'fs-extra';
import git from 'isomorphic-git';
import path from 'node:path';

export interface LocalPublishRequest {
  /** Absolute repositories root (mlops.publish.local.repositoriesDir). */
  root: string;
  /** Repository directory name, already schema-validated. */
  name: string;
  /** Directory whose files become the first commit. */
  sourceDir: string;
  branch: string;
  author: { name: string; email: string };
  message: string;
  /** Identifies the scaffolder run, so a retry of the same run finds its own repository. */
  taskId: string;
}

export interface LocalPublishResult {
  repoDir: string;
  commit: string;
  /** True when a retry found the repository this run had already published. */
  reused: boolean;
}

const TASK_TRAILER = 'Landing-Zone-Task:';

/**
 * Commits `sourceDir` into a new git repository `<root>/<name>` with isomorphic-git.
 *
 * The repository is built in a staging directory and renamed into place in one step, so a
 * crash never leaves a half-written repository under the final name, and a retried run either
 * finds its own finished repository (by the task trailer in the commit) or starts over.
 * An existing repository of another run is never touched.
 */
export async function publishToLocalRepository(
  request: LocalPublishRequest,
): Promise<LocalPublishResult> {
  const { root, name, taskId } = request;
  await fs.ensureDir(root);
  const repoDir = resolveSafeChildPath(root, name);

  if (await fs.pathExists(repoDir)) {
    const existing = await ownCommit(repoDir, taskId);
    if (existing) {
      return { repoDir, commit: existing, reused: true };
    }
    throw new ConflictError(
      `name: a repository named "${name}" already exists in the local repositories directory; choose another name`,
    );
  }

  const staging = resolveSafeChildPath(
    root,
    `.staging-${name}-${taskId.replace(/[^a-zA-Z0-9-]/g, '')}`,
  );
  await fs.remove(staging);
  try {
    const files = await listFiles(request.sourceDir);
    for (const file of files) {
      const target = resolveSafeChildPath(staging, file);
      await fs.ensureDir(path.dirname(target));
      await fs.copyFile(resolveSafeChildPath(request.sourceDir, file), target);
    }
    await git.init({ fs, dir: staging, defaultBranch: request.branch });
    for (const filepath of files) {
      await git.add({ fs, dir: staging, filepath });
    }
    const commit = await git.commit({
      fs,
      dir: staging,
      message: `${request.message}\n\n${TASK_TRAILER} ${taskId}\n`,
      author: request.author,
    });
    await fs.rename(staging, repoDir);
    return { repoDir, commit, reused: false };
  } finally {
    await fs.remove(staging);
  }
}

async function ownCommit(
  repoDir: string,
  taskId: string,
): Promise<string | undefined> {
  try {
    const [first] = await git.log({ fs, dir: repoDir, depth: 1 });
    return first?.commit.message.includes(`${TASK_TRAILER} ${taskId}`)
      ? first.oid
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Workspace-relative paths of the regular files to commit, without any `.git`. A symbolic link
 * could point anywhere on the backend's disk (and the catalog reads these repositories), so one
 * fails the publish instead of being copied.
 */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  const entries = await fs.readdir(path.join(dir, prefix), {
    withFileTypes: true,
  });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.name === '.git') continue;
    if (entry.isSymbolicLink()) {
      throw new InputError(
        `sourcePath: the workspace contains a symbolic link at "${relative}"; links are not published`,
      );
    }
    if (entry.isDirectory()) {
      files.push(...(await listFiles(dir, relative)));
    } else if (entry.isFile()) {
      files.push(relative);
    }
  }
  return files;
}
