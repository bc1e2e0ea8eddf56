//! (written by its point of the operations issue)
