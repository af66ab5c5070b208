//! One module per subcommand: arguments in, library calls, output through `Ui`.

pub mod decode;
pub mod generate;
pub mod identify;
pub mod reference;
