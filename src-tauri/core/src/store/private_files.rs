//! The data folder and the database are the user's alone (0700 and 0600 on Unix, whatever the
//! umask): the history holds customers' chat text and the profiles say where every gateway
//! posts. SQLite creates the `-wal` and `-shm` files with the database file's own mode, so the
//! file is made private before SQLite first opens it; files (and the app's default folder) an
//! older build left readable by others are tightened on every open. Elsewhere (Windows) the
//! per-user data folder's ACLs already keep other users out, and nothing is changed.

use std::io;
use std::path::{Path, PathBuf};

/// Creates `dir` (and any missing parent) readable by the user only. An existing folder is
/// left as it is (it may be one the user chose and shares on purpose), unless it is the app's
/// own default folder (named after its identifier), which an older build made readable.
pub(super) fn create_private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        let ours = dir.file_name() == Some(std::ffi::OsStr::new(crate::paths::APP_IDENTIFIER));
        let mode = std::fs::metadata(dir)?.permissions().mode();
        if ours && mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

/// Makes the database at `path` and its companion files private, creating the (empty) database
/// file first so SQLite inherits its mode for the `-wal` and `-shm` files.
pub(super) fn make_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(_) => {}
            // An existing file is tightened below; a missing folder is SQLite's to report.
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::AlreadyExists | io::ErrorKind::NotFound
                ) => {}
            Err(error) => return Err(error),
        }
        for file in companions(path) {
            let Ok(metadata) = std::fs::metadata(&file) else {
                continue;
            };
            if metadata.is_file() && metadata.permissions().mode() & 0o077 != 0 {
                std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The database and the files SQLite keeps beside it.
fn companions(path: &Path) -> Vec<PathBuf> {
    let mut files = vec![path.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        files.push(PathBuf::from(name));
    }
    files
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;
    use crate::store::{database_path, Store};

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn a_new_data_folder_the_database_and_its_wal_are_the_users_alone() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("made").join("by-textgate");
        let store = Store::open_in(&dir).unwrap();
        // Opening migrated the schema, so SQLite has written its WAL and shared-memory files.
        let db = database_path(&dir);
        let files = companions(&db);
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&root.path().join("made")), 0o700);
        for file in &files[..3] {
            assert_eq!(mode(file), 0o600, "{}", file.display());
        }
        drop(store);
    }

    #[test]
    fn files_an_older_build_left_readable_are_tightened_on_open() {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open_in(dir.path()).unwrap());
        let db = database_path(dir.path());
        let wal = companions(&db)[1].clone();
        std::fs::write(&wal, b"").unwrap();
        for file in [&db, &wal] {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        let folder_before = mode(dir.path());
        let store = Store::open_in(dir.path()).unwrap();
        assert_eq!(mode(&db), 0o600);
        assert_eq!(mode(&wal), 0o600);
        assert_eq!(
            store.schema_version().unwrap(),
            crate::store::SCHEMA_VERSION
        );
        assert_eq!(
            mode(dir.path()),
            folder_before,
            "a folder that existed is left alone"
        );
    }

    #[test]
    fn the_apps_own_default_folder_is_tightened_even_when_it_existed() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join(crate::paths::APP_IDENTIFIER);
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        drop(Store::open_in(&dir).unwrap());
        assert_eq!(mode(&dir), 0o700);
    }
}
