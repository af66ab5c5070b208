//! One module per subcommand: arguments in, library calls, output through `Ui`.

pub mod custody;
pub mod decode;
pub mod export;
pub mod generate;
pub mod hub;
pub mod identify;
pub mod import;
pub mod init;
pub mod item;
pub mod keys;
pub mod packet;
pub mod reference;
pub mod report;
pub mod sync;
pub mod trace;
