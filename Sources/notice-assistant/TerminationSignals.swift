import Dispatch
import Foundation

/// SIGINT, SIGTERM, SIGHUP and SIGQUIT when nothing reads the keyboard (plain chat, `run`, `serve`): the program
/// writes its `end` records, then dies by the same signal so its parent sees how it ended. A signal that was ignored
/// when the program started (`nohup` ignores SIGHUP; a shell's background job, SIGINT and SIGQUIT) stays ignored.
///
/// A parent may start us with these signals blocked (test runners and some supervisors do), and a blocked signal
/// re-sent to ourselves would stay pending forever; so they are unblocked first, and if re-raising does not end the
/// process, it exits with the shell's code for the signal.
enum TerminationSignals {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Calls `finish` once on the first of the signals, from a background queue, then ends the process.
    /// Keep the returned sources alive for as long as the signals should be watched.
    static func watch(_ finish: @escaping @Sendable (Int32) -> Void) -> [DispatchSourceSignal] {
        // Called once, before it sets anything itself: a signal ignored now was ignored when the process started.
        let watched = handled.filter { !ProcessSignals.isIgnored($0) }
        var set = sigset_t()
        sigemptyset(&set)
        for signo in watched { sigaddset(&set, signo) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        return watched.map { signo in
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler {
                finish(signo)
                die(by: signo)
            }
            // `resume()` registers the source later, on another thread; a signal in between meets SIG_IGN and is lost,
            // and the process then waits for input forever. Wait until the source is registered.
            let registered = DispatchSemaphore(value: 0)
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            registered.wait()
            return source
        }
    }

    static func die(by signo: Int32) -> Never {
        signal(signo, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signo)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(signo)
        kill(getpid(), signo)
        _exit(128 + signo)
    }
}
