use std::process::ExitCode;

fn main() -> ExitCode {
    fieldtrace::app::main()
}
