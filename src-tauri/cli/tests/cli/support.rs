//! Test plumbing: a data dir that runs the CLI binary and keeps every transcript (to prove no
//! secret was printed), and an emulator on its own runtime so tests stay plain `#[test]`s.

use std::cell::RefCell;
use std::path::Path;
use std::process::Command;

use tempfile::TempDir;
use textgate_core::emulator::{Emulator, RunningEmulator};
use textgate_core::generate::generate_secret;

/// One finished CLI run.
#[derive(Debug, Clone)]
pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts exit 0 and returns stdout.
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "{self:#?}");
        &self.stdout
    }

    /// Asserts exit 0 and parses stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.ok())
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:#?}"))
    }

    /// Asserts a failure with exactly one stderr line and nothing on stdout; returns the line.
    pub fn failure_line(&self) -> &str {
        assert_eq!(self.code, 1, "{self:#?}");
        assert!(self.stdout.is_empty(), "{self:#?}");
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one stderr line expected: {self:#?}");
        lines[0]
    }

    /// A failure under `--json`: the stderr line parsed as `{code, message}`.
    pub fn json_error(&self) -> (String, String) {
        let line = self.failure_line();
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let object = value.as_object().expect("an object");
        assert_eq!(object.len(), 2, "only code and message: {line}");
        (
            object["code"].as_str().unwrap().to_string(),
            object["message"].as_str().unwrap().to_string(),
        )
    }
}

/// A throwaway data dir and everything the CLI printed while using it.
pub struct DataDir {
    dir: TempDir,
    transcripts: RefCell<Vec<Run>>,
}

impl DataDir {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
            transcripts: RefCell::new(Vec::new()),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A local-only profile `name` with this app secret and a callback URL, for the harness
    /// tests that send to a `listen` of their own.
    pub fn create_local_profile(&self, name: &str, secret: &str) {
        self.run(&[
            "profiles",
            "create",
            "--name",
            name,
            "--callback",
            "https://bot.example.com/hook",
            "--secret",
            secret,
        ])
        .ok();
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, None, &[])
    }

    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> Run {
        self.run_with(args, Some(stdin), &[])
    }

    /// Runs the binary with `--data-dir` pointing here, a clean environment for our variables,
    /// and `env` on top.
    pub fn run_with(&self, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
        let mut full = vec!["--data-dir", self.path().to_str().unwrap()];
        full.extend_from_slice(args);
        self.run_bare(&full, stdin, env)
    }

    /// Runs the binary with exactly `args` (no `--data-dir`), recording the transcript here.
    pub fn run_bare(&self, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_textgate-cli"));
        command
            .args(args)
            .env_remove("TEXTGATE_TOKEN")
            .env_remove("TEXTGATE_DATA_DIR");
        for (key, value) in env {
            command.env(key, value);
        }
        let output = assert_cmd::Command::from_std(command)
            .write_stdin(stdin.unwrap_or_default().to_string())
            // A hung command fails its test instead of stalling the whole run.
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        let run = Run {
            args: args.iter().map(|a| a.to_string()).collect(),
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        self.transcripts.borrow_mut().push(run.clone());
        run
    }

    /// Checks that `secret` never appeared in any output, except stdout of
    /// `profiles show … --reveal-secret`.
    pub fn assert_never_printed(&self, secret: &str) {
        assert!(!secret.is_empty());
        for run in self.transcripts.borrow().iter() {
            let revealing = run.args.iter().any(|a| a == "--reveal-secret");
            assert!(!run.stderr.contains(secret), "secret on stderr: {run:#?}");
            assert!(
                revealing || !run.stdout.contains(secret),
                "secret on stdout: {run:#?}"
            );
        }
    }

    /// `server add NAME URL --token-stdin` with the emulator's token; panics on failure.
    pub fn add_server(&self, name: &str, server: &WebitelServer) {
        let url = server.url();
        self.run_stdin(
            &["server", "add", name, &url, "--token-stdin"],
            &format!("{}\n", server.token),
        )
        .ok();
    }
}

/// The Webitel emulator, running on its own runtime for as long as this value lives.
pub struct WebitelServer {
    running: RunningEmulator,
    pub token: String,
    _runtime: tokio::runtime::Runtime,
}

impl WebitelServer {
    /// An empty server with a random token and three flow schemas: 7 "Support bot" (chat),
    /// 8 "Sales routing" (default) and 9 "IVR menu" (voice, which gateways never offer).
    pub fn start() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let token = generate_secret();
        let emulator = Emulator::new(token.clone());
        emulator
            .add_schema(7, "Support bot", "chat")
            .add_schema(8, "Sales routing", "default")
            .add_schema(9, "IVR menu", "voice");
        let running = runtime.block_on(emulator.spawn()).unwrap();
        Self {
            running,
            token,
            _runtime: runtime,
        }
    }

    pub fn url(&self) -> String {
        self.running.base_url()
    }

    pub fn emulator(&self) -> &Emulator {
        self.running.emulator()
    }
}

/// The CLI on `data_dir` with stdout and stderr piped, for tests that drive the process
/// themselves (kill it, race two, feed stdin): no inherited token or data folder.
pub fn cli_at(data_dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_textgate-cli"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("TEXTGATE_TOKEN")
        .env_remove("TEXTGATE_DATA_DIR")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    command
}

/// Callback URL of the profiles tests create.
pub const CALLBACK: &str = "https://bot.example.com/hook";

/// `--json profiles create --name NAME --callback CALLBACK`: the command line every test that
/// creates a profile starts from (the secret's source is up to the test).
pub fn create_args(name: &str) -> Vec<&str> {
    vec![
        "--json",
        "profiles",
        "create",
        "--name",
        name,
        "--callback",
        CALLBACK,
    ]
}

/// `profiles create --json NAME` with the test callback, a generated secret and `extra`
/// arguments; panics on failure and returns the created profile.
pub fn create_profile(dir: &DataDir, name: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = create_args(name);
    args.push("--generate-secret");
    args.extend_from_slice(extra);
    dir.run(&args).json()
}

/// A profile ready to push: on server `prod`, flow 7.
pub fn create_on_prod(dir: &DataDir, name: &str) -> serde_json::Value {
    create_profile(dir, name, &["--flow", "7", "--server", "prod"])
}

/// The profile id from a `--json` profile object.
pub fn id_of(profile: &serde_json::Value) -> String {
    profile["id"].as_str().expect("an id").to_string()
}

/// `textgate-cli listen` running in the background for this data dir.
pub struct Listener {
    child: std::process::Child,
    /// The first stderr line's address: `http://127.0.0.1:PORT/path`.
    pub url: String,
    /// The rest of stderr, read when the listener has exited.
    stderr: std::io::BufReader<std::process::ChildStderr>,
    first_line: String,
}

impl Listener {
    /// Starts `listen <profile> --port 0` plus `args` and waits for its address.
    pub fn start(dir: &DataDir, profile: &str, args: &[&str]) -> Self {
        use std::io::BufRead;
        let mut child = cli_at(dir.path())
            .args(["listen", profile, "--port", "0"])
            .args(args)
            .spawn()
            .unwrap();
        let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
        let mut first_line = String::new();
        stderr.read_line(&mut first_line).unwrap();
        let url = first_line
            .trim()
            .strip_prefix("listening on ")
            .expect(&first_line)
            .to_string();
        Self {
            child,
            url,
            stderr,
            first_line,
        }
    }

    /// `127.0.0.1:PORT`.
    pub fn address(&self) -> String {
        let rest = self.url.trim_start_matches("http://");
        rest.split('/').next().unwrap_or(rest).to_string()
    }

    /// Waits for the listener to exit successfully (after `--count`); returns its JSON lines
    /// and everything it wrote on stderr.
    pub fn finish(mut self) -> (Vec<serde_json::Value>, String) {
        use std::io::Read;
        let output = self.child.wait_with_output().unwrap();
        assert!(output.status.success(), "{output:?}");
        let lines = String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        let mut stderr = self.first_line;
        self.stderr.read_to_string(&mut stderr).unwrap();
        (lines, stderr)
    }
}

impl Listener {
    /// Its stdout, to read while it runs (dropping it closes the pipe, as `| head -1` does).
    pub fn take_stdout(&mut self) -> std::process::ChildStdout {
        self.child.stdout.take().expect("stdout not taken yet")
    }

    /// Waits up to `limit` for the listener to exit by itself (it is killed and the test fails
    /// otherwise); returns its exit status and everything it wrote on stderr.
    pub fn exit_within(mut self, limit: std::time::Duration) -> (std::process::ExitStatus, String) {
        use std::io::Read;
        let status = wait_within(&mut self.child, limit, "listen");
        let mut stderr = self.first_line;
        self.stderr.read_to_string(&mut stderr).unwrap();
        (status, stderr)
    }
}

/// Waits up to `limit` for `child` to exit; kills it and panics if it does not.
pub fn wait_within(
    child: &mut std::process::Child,
    limit: std::time::Duration,
    what: &str,
) -> std::process::ExitStatus {
    let deadline = std::time::Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if std::time::Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} was still running after {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// A local-only profile (no server, so its URI is not an address).
pub fn create_local(dir: &DataDir, name: &str) -> serde_json::Value {
    create_profile(dir, name, &[])
}

/// A loopback URL where nothing listens (the port was just free).
pub fn dead_url(path: &str) -> String {
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    format!("http://{closed}{path}")
}
