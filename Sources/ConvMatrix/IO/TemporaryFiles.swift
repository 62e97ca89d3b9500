import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary files this process is writing right now, so that a signal
/// handler can remove them before the process dies.
///
/// ``AtomicFile`` registers each temporary file before creating it and
/// unregisters it once it is renamed or removed. The library never installs a
/// signal handler; a program that wants the cleanup calls ``prepare()`` at
/// start and ``removeAll()`` from its handler, then re-raises the signal:
///
///     TemporaryFiles.prepare()
///     // in a SIGTERM handler:
///     TemporaryFiles.removeAll(); signal(SIGTERM, SIG_DFL); raise(SIGTERM)
///
/// The paths live in a fixed buffer of `slotCount` C strings of up to
/// `PATH_MAX` bytes. A slot is claimed with a compare-and-swap on `claimed`,
/// filled, and only then published by setting its bit in `live`; reading the
/// registry is one atomic load and a loop of `unlink`s, with no lock and no
/// allocation, so it is async-signal-safe. A path too long for a slot, or a
/// write beyond `slotCount` at once, is simply not registered.
public enum TemporaryFiles {
    // Computed, not stored: a signal handler must not run a lazy initialiser.
    /// How many temporary files can be registered at once.
    static var slotCount: Int { 16 }
    /// Bytes of one slot: a path of up to `PATH_MAX - 1` bytes and its NUL.
    static var slotSize: Int { Int(PATH_MAX) }

    /// A claimed slot, for ``unregister(_:)``.
    struct Registration {
        let slot: Int
    }

    /// Sets up the registry's storage. Call once before installing a signal
    /// handler that calls ``removeAll()``, so that the handler never runs the
    /// storage's one-time initialisation.
    public static func prepare() {
        _ = live.load(ordering: .relaxed)
        _ = claimed.load(ordering: .relaxed)
        _ = slots
    }

    /// Removes every registered temporary file; async-signal-safe after ``prepare()``.
    public static func removeAll() {
        let mask = live.load(ordering: .acquiring)
        for slot in 0..<slotCount where mask & bit(slot) != 0 {
            _ = unlink(slots + slot * slotSize)
        }
    }

    /// Records `path` as a live temporary file; nil if it cannot be recorded.
    static func register(_ path: String) -> Registration? {
        let length = path.utf8.count
        guard length < slotSize, let slot = claimSlot() else { return nil }
        let start = slots + slot * slotSize
        _ = path.withCString { memcpy(start, $0, length + 1) }
        live.bitwiseOr(bit(slot), ordering: .releasing)
        return Registration(slot: slot)
    }

    /// Forgets a temporary file that is renamed or removed.
    static func unregister(_ registration: Registration) {
        live.bitwiseAnd(~bit(registration.slot), ordering: .releasing)
        claimed.bitwiseAnd(~bit(registration.slot), ordering: .releasing)
    }

    /// The paths registered now, for tests.
    static var registeredPaths: [String] {
        let mask = live.load(ordering: .acquiring)
        return (0..<slotCount).filter { mask & bit($0) != 0 }.map { String(cString: slots + $0 * slotSize) }
    }

    /// Takes the lowest free slot, or nil when all are taken.
    private static func claimSlot() -> Int? {
        let everySlot = bit(slotCount) - 1
        var current = claimed.load(ordering: .relaxed)
        while current & everySlot != everySlot {
            let slot = (~current).trailingZeroBitCount
            let (exchanged, original) = claimed.compareExchange(
                expected: current, desired: current | bit(slot), ordering: .acquiringAndReleasing)
            if exchanged { return slot }
            current = original
        }
        return nil
    }

    private static func bit(_ slot: Int) -> UInt64 { 1 << UInt64(slot) }
}

/// Slots whose path is complete and whose file may exist.
private let live = Atomic<UInt64>(0)
/// Slots handed out to a writer (a superset of `live`).
private let claimed = Atomic<UInt64>(0)
/// `slotCount` NUL-terminated paths of `slotSize` bytes each; written only by
/// the holder of a slot's claim.
private nonisolated(unsafe) let slots: UnsafeMutablePointer<CChar> = {
    let storage = UnsafeMutablePointer<CChar>.allocate(capacity: TemporaryFiles.slotCount * TemporaryFiles.slotSize)
    storage.initialize(repeating: 0, count: TemporaryFiles.slotCount * TemporaryFiles.slotSize)
    return storage
}()
