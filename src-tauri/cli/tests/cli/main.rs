//! End-to-end tests of the built `textgate-cli` binary against the in-repo Webitel emulator,
//! with the real OS keychain (run under `.ci/with-desktop`). One test binary, split by command
//! group; every test has its own data dir(s) and its own emulator.

// The catalogue builds non-UTF-8 arguments and unwritable folders the Unix way.
#[cfg(unix)]
mod bad_input;
#[cfg(unix)]
mod bad_input_cases;
#[cfg(unix)]
mod bad_input_cases_harness;
#[cfg(unix)]
mod bad_input_cases_profiles;
#[cfg(unix)]
mod bad_input_cases_scenarios;
mod burst;
mod conflicts;
mod crash;
mod crash_checks;
mod curl;
mod diagnostics;
mod emulate;
mod emulator;
mod failing_listen;
mod faults;
mod gateways;
mod history;
mod history_export;
mod listen;
mod logging;
mod loopback_proxy;
mod profile_bulk;
mod profile_bulk_confirm;
mod profile_secret;
mod profile_set;
mod profiles;
mod scenarios;
mod secrets;
mod send;
mod server_edit;
mod server_login;
mod server_view;
mod servers;
mod signatures;
mod start_stop_delete;
mod support;
mod templates;
mod transfer;
mod two_processes;
