/**
 * @module The trust boundary of a document: its `$ref`s may reach only what its origin may reach. A
 * document from a URL reads no local file; a local one reads files under its own folder (and the folders
 * allowed by --allow-ref-dir); other hosts only with --allow-remote-refs, and never internal addresses
 * unless the document came from one of that kind. Every answer is a reason to refuse, or undefined.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { addressClass, type AddressClass } from './address-class.js';

/** `allowRemoteRefs`: follow `$ref`s (and redirects) to other hosts; `allowRefDirs`: folders a local document's refs may read besides its own. */
export type TrustBoundaryOptions = Pick<Config, 'allowRemoteRefs' | 'allowRefDirs'>;

/** Read by name, these are devices, kernel tables or endless streams: never a document. */
const systemFolders = ['/dev', '/proc', '/sys'];

export class TrustBoundary {
  readonly root: URL;
  readonly allowRemoteRefs: boolean;
  /** Folders local refs may read, as given and with links resolved. Empty for a document from a URL. */
  private readonly localFolders: readonly { given: string; real: string }[];
  /** The class of the address the root document was downloaded from. */
  private rootClass: AddressClass | undefined;

  constructor(root: URL, options: TrustBoundaryOptions) {
    this.root = root;
    this.allowRemoteRefs = options.allowRemoteRefs;
    const folders = root.protocol === 'file:' ? [dirname(fileURLToPath(root)), ...options.allowRefDirs] : [];
    this.localFolders = folders.map((folder) => ({ given: resolve(folder), real: realPath(resolve(folder)) }));
  }

  /** Records where the root document came from: refs may reach addresses of that class too. */
  rootCameFrom(address: string): void {
    this.rootClass ??= addressClass(address);
  }

  /** Why a `$ref` may not read `target`; undefined when it may. Names only: addresses are checked on connecting. */
  refuseRef(target: URL): string | undefined {
    if (target.protocol === 'file:') return this.refuseLocal(target);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return `unsupported location ${target.href}`;
    if (this.isRootOrigin(target) || this.allowRemoteRefs) return undefined;
    return `it points to another host (${target.origin}) and remote $refs are off; start with --allow-remote-refs to follow them`;
  }

  /** Why a download may not follow a redirect from `from` to `to`: redirects stay within what a ref could reach. */
  refuseRedirect(from: URL, to: URL): string | undefined {
    if (to.protocol !== 'http:' && to.protocol !== 'https:') return `it redirects to a ${to.protocol} location, which is never followed`;
    if (to.origin === from.origin || this.isRootOrigin(to) || this.allowRemoteRefs) return undefined;
    return `it redirects to another host (${to.origin}), which is not followed; remote $refs and redirects stay on the document's host unless --allow-remote-refs is given`;
  }

  /**
   * Why a read may not connect to `address`, resolved from `host`. The root document may come from
   * anywhere its operator says; everything else only from public addresses, or from addresses of the
   * class the root came from (a document on a private network may use its neighbours).
   */
  refuseAddress(host: string, address: string, isRoot: boolean): string | undefined {
    if (isRoot) return undefined;
    const kind = addressClass(address);
    if (kind === 'public' || kind === this.rootClass) return undefined;
    const from = this.root.protocol === 'file:' ? 'a local file' : `${this.root.origin} (a ${this.rootClass ?? 'public'} address)`;
    const what = host === address ? `${address} is` : `${host} resolves to ${address},`;
    return `${what} a ${kind} address, and a document from ${from} may not reach ${kind} addresses`;
  }

  /** The real path a local ref may read, or the reason it may not. */
  localPath(target: URL): { path: string } | { refused: string } {
    const refused = this.refuseLocal(target);
    return refused ? { refused } : { path: realPath(fileURLToPath(target)) };
  }

  private refuseLocal(target: URL): string | undefined {
    if (this.root.protocol !== 'file:') {
      return `the document came from ${this.root.origin}, and a document from a URL never reads local files; publish the file beside the document and refer to it by URL`;
    }
    let path: string;
    try {
      path = fileURLToPath(target);
    } catch {
      return `${target.href} is not a local file path`;
    }
    const real = realPath(path);
    if ([path, real].some(isSystemPath)) return `${path} is a device or system file, which is never read as a document`;
    if (this.localFolders.some((folder) => isInside(folder.given, path) && isInside(folder.real, real))) return undefined;
    return `${path} is outside the document's folder (${this.localFolders[0]!.given}); start with --allow-ref-dir ${dirname(path)} to allow reading that folder`;
  }

  private isRootOrigin(target: URL): boolean {
    return this.root.protocol !== 'file:' && target.origin === this.root.origin;
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function isSystemPath(path: string): boolean {
  return systemFolders.some((folder) => path === folder || path.startsWith(`${folder}/`));
}

/** The path with symbolic links resolved, so a link cannot lead out of an allowed folder; the path itself when it does not exist. */
function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
