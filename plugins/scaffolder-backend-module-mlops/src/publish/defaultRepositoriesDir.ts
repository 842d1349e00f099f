import os from 'node:os';
import path from 'node:path';

/**
 * Where the local publisher keeps repositories when `mlops.publish.local.repositoriesDir` is not
 * set: the user's data directory, never the backend's working directory, so an adopter's portal
 * does not grow untracked git repositories inside its own source tree. They are data, not cache:
 * the catalog keeps pointing at them.
 */
export function defaultRepositoriesDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  return path.join(
    dataDirectory(env, platform, home),
    'landing-zone',
    'repositories',
  );
}

function dataDirectory(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (platform === 'win32') {
    return env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support');
  }
  return env.XDG_DATA_HOME || path.join(home, '.local', 'share');
}
