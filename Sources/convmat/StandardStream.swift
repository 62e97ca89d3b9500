import ConvMatrix
import Foundation

/// stdout or stderr as a bare file descriptor, written with `write(2)`.
///
/// Foundation's `FileHandle.write` traps on a failed write (a closed
/// descriptor, a full disk, a broken pipe), so the CLI writes its streams here.
enum StandardStream {
    case output, error

    var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }

    /// Writes every byte (``DescriptorWriter``); returns the `errno` of a failed
    /// write, or nil when all was written.
    func write(_ bytes: [UInt8]) -> Int32? {
        DescriptorWriter.writeAll(bytes, to: descriptor)
    }

    /// Ends the process as an unhandled SIGPIPE would: no message, killed by the
    /// signal (status 141 in a shell), even if SIGPIPE was ignored or blocked.
    static func dieOfBrokenPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        var pipeOnly = sigset_t()
        sigemptyset(&pipeOnly)
        sigaddset(&pipeOnly, SIGPIPE)
        sigprocmask(SIG_UNBLOCK, &pipeOnly, nil)
        raise(SIGPIPE)
        _exit(128 + SIGPIPE)
    }

    /// Occupies any of descriptors 0, 1 and 2 that is closed (`>&-`) with
    /// /dev/null opened read-only, so that no file the command opens later
    /// lands there and takes its output, while a write to it still fails with
    /// EBADF, as a write to the closed descriptor would.
    static func reserveClosedDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            let placeholder = open("/dev/null", O_RDONLY)
            if placeholder >= 0, placeholder != descriptor {
                _ = dup2(placeholder, descriptor)
                _ = close(placeholder)
            }
        }
    }
}
