import {
  isChildPath,
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import type { ReadTreeResponseFactory } from '@backstage/backend-defaults/urlReader';
import {
  NotFoundError,
  NotImplementedError,
  NotModifiedError,
} from '@backstage/errors';
import fs from 'node:fs';
import git from 'isomorphic-git';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/**
 * Reads the local git repositories that `mlops:publish:local` creates (the embedded
 * default, where there is no GitHub), at their HEAD commit: what is committed, not what
 * lies in a working directory. The commit id is the ETag, as GitHub's reader uses the
 * commit sha, so an unchanged repository answers NotModified.
 *
 * Only `file:` URLs inside the repositories root match (see `predicate`): it never reads
 * anything else on the backend's disk.
 */
export class LocalGitUrlReader implements UrlReaderService {
  constructor(
    private readonly root: string,
    private readonly treeResponseFactory: ReadTreeResponseFactory,
  ) {}

  /** `file:` URLs of a directory inside the root (never the root itself). */
  predicate(url: URL): boolean {
    if (
      url.protocol !== 'file:' ||
      (url.host !== '' && url.host !== 'localhost')
    ) {
      return false;
    }
    const target = path.resolve(fileURLToPath(url));
    return target !== this.root && isChildPath(this.root, target);
  }

  /** The repository directory (first level below the root) and the path inside it. */
  private locate(url: string): { dir: string; subpath: string } {
    const parsed = new URL(url);
    if (!this.predicate(parsed)) {
      throw new NotFoundError(
        `${url} is not inside the local repositories root`,
      );
    }
    const relative = path.relative(
      this.root,
      path.resolve(fileURLToPath(parsed)),
    );
    const [name, ...rest] = relative.split(path.sep);
    return { dir: path.join(this.root, name), subpath: rest.join('/') };
  }

  private async head(dir: string): Promise<string> {
    try {
      return await git.resolveRef({ fs, dir, ref: 'HEAD' });
    } catch {
      throw new NotFoundError(`${dir} is not a git repository with a commit`);
    }
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const { dir, subpath } = this.locate(url);
    const oid = await this.head(dir);
    if (options?.etag === oid) throw new NotModifiedError();
    let blob: Uint8Array;
    try {
      ({ blob } = await git.readBlob({ fs, dir, oid, filepath: subpath }));
    } catch {
      throw new NotFoundError(`${subpath} does not exist at ${oid} in ${dir}`);
    }
    const buffer = Buffer.from(blob);
    return {
      buffer: async () => buffer,
      stream: () => Readable.from([buffer]),
      etag: oid,
    };
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const { dir, subpath } = this.locate(url);
    const oid = await this.head(dir);
    if (options?.etag === oid) throw new NotModifiedError();
    const prefix = subpath ? `${subpath.replace(/\/+$/, '')}/` : '';
    const paths = (await git.listFiles({ fs, dir, ref: oid }))
      .filter(p => p.startsWith(prefix))
      .map(p => p.slice(prefix.length))
      .filter(p => !options?.filter || options.filter(p));
    const files = await Promise.all(
      paths.map(async p => {
        const { blob } = await git.readBlob({
          fs,
          dir,
          oid,
          filepath: prefix + p,
        });
        return { path: p, data: Readable.from([Buffer.from(blob)]) };
      }),
    );
    const tree = await this.treeResponseFactory.fromReadableArray(files);
    return {
      etag: oid,
      files: () => tree.files(),
      archive: () => tree.archive(),
      dir: dirOptions => tree.dir(dirOptions),
    };
  }

  async search(): Promise<UrlReaderServiceSearchResponse> {
    throw new NotImplementedError('LocalGitUrlReader does not support search');
  }

  toString() {
    return `local-git{root=${this.root}}`;
  }
}
