// The project's only C boundary: CBLAS from OpenBLAS and LAPACKE from Debian.
// Only files in Sources/ConvMatrix/LinearAlgebra import this module.
#include <cblas.h>
#include <lapacke.h>
