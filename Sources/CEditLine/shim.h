/*
 * CEditLine: libedit for Swift.
 *
 * Why this header exists:
 *  - el_set, el_wset, el_get and history_w are C variadic functions, which Swift cannot call, so each
 *    use gets a small non-variadic wrapper here.
 *  - stdin, stdout and stderr are mutable C globals, which Swift 6 refuses to touch, so el_init is
 *    called from C (ce_init).
 *  - A signal handler may only touch async-signal-safe state. The handler, the flags it sets and the
 *    character reader that turns those flags into editor actions therefore live here, in C.
 *
 * The signal state is one object for the whole process, so at most one editor may read at a time.
 * Signals are announced through a self-pipe as well as through flags, so that the reader wakes up
 * even when the kernel delivers the signal to a thread other than the one blocked in the reader.
 */
#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

/* ---------------------------------------------------------------------------------------------
 * Editor
 * ------------------------------------------------------------------------------------------- */

/** Function type of a prompt callback (wide characters). */
typedef wchar_t *(*ce_prompt_function)(EditLine *);

/** Function type of an editor command added with ce_add_function; returns one of the CC_ codes. */
typedef unsigned char (*ce_command_function)(EditLine *, int);

/** Opens an editor on the process's standard input, output and error. */
static inline EditLine *ce_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline int ce_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/**
 * Sets a wide prompt function. Characters between two `escape` characters are sent to the terminal
 * as they are and are not counted in the prompt's width (for colour sequences).
 */
static inline int ce_set_prompt(EditLine *el, ce_prompt_function prompt, wchar_t escape) {
    return el_wset(el, EL_PROMPT_ESC, prompt, (int)escape);
}

static inline int ce_add_function(EditLine *el, const char *name, const char *help,
                                  ce_command_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

/** Binds a key sequence (in libedit's notation, e.g. "^I", "\\e[3~") to a named editor command. */
static inline int ce_bind(EditLine *el, const char *keys, const char *command) {
    return el_set(el, EL_BIND, keys, command, (const char *)NULL);
}

/**
 * Changes one terminal mode flag for the editor's editing mode only (libedit's "setty -d"), e.g.
 * "-isig" so that ^C and ^Z arrive as keys, in order with the keys typed before them.
 */
static inline int ce_set_editing_terminal_mode(EditLine *el, const char *mode) {
    return el_set(el, EL_SETTY, "-d", mode, (const char *)NULL);
}

/** Overrides one terminal capability libedit found in the terminal database, e.g. "am" "no". */
static inline int ce_set_terminal_capability(EditLine *el, const char *name, const char *value) {
    return el_set(el, EL_SETTC, name, value, (const char *)NULL);
}

static inline int ce_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *ce_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0)
        return NULL;
    return data;
}

/**
 * Writes text to standard output through the same stdio stream that libedit and Swift's print use,
 * so the order of output is kept, and flushes it.
 */
static inline void ce_print(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

/** The width of the terminal on `fd` in columns (TIOCGWINSZ), or 0 when it is not a terminal or does not say. */
static inline int ce_terminal_columns(int fd) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0)
        return 0;
    return size.ws_col;
}

/** Redraws the prompt and the line from scratch. */
static inline int ce_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

/** Puts the terminal into the editor's mode (raw != 0) or back into the mode it was found in. */
static inline int ce_prepare_terminal(EditLine *el, int raw) {
    return el_set(el, EL_PREP_TERM, raw);
}

/* ---------------------------------------------------------------------------------------------
 * History (wide)
 * ------------------------------------------------------------------------------------------- */

/** A history that keeps at most `size` lines and never stores the same line twice in a row. */
static inline HistoryW *ce_history_init(int size) {
    HistoryW *history = history_winit();
    if (history == NULL)
        return NULL;
    HistEventW event;
    history_w(history, &event, H_SETSIZE, size);
    history_w(history, &event, H_SETUNIQUE, 1);
    return history;
}

static inline int ce_history_enter(HistoryW *history, const wchar_t *line) {
    HistEventW event;
    return history_w(history, &event, H_ENTER, line);
}

static inline int ce_set_history(EditLine *el, HistoryW *history) {
    return el_wset(el, EL_HIST, history_w, history);
}

/* ---------------------------------------------------------------------------------------------
 * Locale
 * ------------------------------------------------------------------------------------------- */

static inline const char *ce_set_locale_from_environment(void) {
    return setlocale(LC_ALL, "");
}

static inline const char *ce_set_character_locale(const char *name) {
    return setlocale(LC_CTYPE, name);
}

static inline const char *ce_codeset(void) {
    return nl_langinfo(CODESET);
}

/* ---------------------------------------------------------------------------------------------
 * Signals
 * ------------------------------------------------------------------------------------------- */

/**
 * What the signal handler has seen. Weak, so that every object file that includes this header
 * refers to the same single object (a plain `static` would give each Swift file its own copy).
 */
typedef struct {
    /** SIGINT arrived and the reader has not yet turned it into a ^C key. */
    volatile sig_atomic_t interrupt;
    /** The first of SIGTERM, SIGHUP, SIGQUIT to arrive; 0 if none. Never cleared. */
    volatile sig_atomic_t termination;
    volatile sig_atomic_t resize;
    volatile sig_atomic_t suspend;
    /** Whether the terminal has been asked for bracketed paste (ce_set_bracketed_paste). */
    volatile sig_atomic_t bracketed_paste;
    /** Self-pipe: the handler writes a byte to wake[1]; the reader polls wake[0]. -1 when closed. */
    int wake[2];
} ce_signal_state_t;

__attribute__((weak)) ce_signal_state_t ce_signal_state = {0, 0, 0, 0, 0, {-1, -1}};

/** Handlers replaced for an editor's lifetime, kept so they can be put back. */
typedef struct {
    struct sigaction interrupt, terminate, hangup, quit;
} ce_session_handlers_t;

/** Handlers replaced while a line is being read, kept so they can be put back. */
typedef struct {
    struct sigaction resize, suspend;
} ce_read_handlers_t;

/* The terminal's bracketed-paste mode (xterm's private mode 2004): while it is on, the terminal sends a paste as
 * ESC [ 200 ~ text ESC [ 201 ~ rather than as keys, so the editor can tell a pasted newline from Enter. */
#define CE_BRACKETED_PASTE_ON "\033[?2004h"
#define CE_BRACKETED_PASTE_OFF "\033[?2004l"

/** Turns bracketed paste off from anywhere, a signal handler included (write is async-signal-safe). */
static inline void ce_leave_bracketed_paste_now(void) {
    if (ce_signal_state.bracketed_paste) {
        ssize_t ignored = write(STDOUT_FILENO, CE_BRACKETED_PASTE_OFF, sizeof CE_BRACKETED_PASTE_OFF - 1);
        (void)ignored;
        ce_signal_state.bracketed_paste = 0;
    }
}

/**
 * Asks the terminal for bracketed paste (on != 0) or stops asking, through the stdio stream libedit writes to, so
 * the request reaches the terminal in order with the prompt. Asking again for what is already in force does nothing.
 */
static inline void ce_set_bracketed_paste(int on) {
    if ((on != 0) == (ce_signal_state.bracketed_paste != 0))
        return;
    fputs(on ? CE_BRACKETED_PASTE_ON : CE_BRACKETED_PASTE_OFF, stdout);
    fflush(stdout);
    ce_signal_state.bracketed_paste = on != 0;
}

static inline void ce_die_by_signal(int signo) {
    /* The shell after us must not receive its pastes wrapped in markers it does not understand. */
    ce_leave_bracketed_paste_now();
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signo, &action, NULL);
    raise(signo);
}

static inline void ce_wake_reader(void) {
    if (ce_signal_state.wake[1] >= 0) {
        char byte = 1;
        ssize_t ignored = write(ce_signal_state.wake[1], &byte, 1);
        (void)ignored;
    }
}

/**
 * Records the signal and wakes the reader. A second SIGINT, or a second termination signal, that
 * arrives before the first was acted on takes the default action: a program stuck outside the
 * reader can still be stopped.
 */
static inline void ce_handle_signal(int signo) {
    int saved_errno = errno;
    switch (signo) {
    case SIGINT:
        if (ce_signal_state.interrupt)
            ce_die_by_signal(signo);
        ce_signal_state.interrupt = 1;
        break;
    case SIGWINCH:
        ce_signal_state.resize = 1;
        break;
    case SIGTSTP:
        ce_signal_state.suspend = 1;
        break;
    default:
        if (ce_signal_state.termination)
            ce_die_by_signal(signo);
        ce_signal_state.termination = signo;
        break;
    }
    ce_wake_reader();
    errno = saved_errno;
}

static inline int ce_catch(int signo, struct sigaction *saved) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ce_handle_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: a blocked read returns EINTR */
    return sigaction(signo, &action, saved);
}

/** As ce_catch, but a signal that was ignored when we started (`nohup` ignores SIGHUP, a shell's background job
    SIGINT and SIGQUIT) stays ignored: the parent asked for that. */
static inline int ce_catch_unless_ignored(int signo, struct sigaction *saved) {
    if (sigaction(signo, NULL, saved) != 0)
        return -1;
    if (saved->sa_handler == SIG_IGN)
        return 0;
    return ce_catch(signo, saved);
}

static inline int ce_open_wake_pipe(void) {
    if (ce_signal_state.wake[0] >= 0)
        return 0;
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    ce_signal_state.wake[0] = fds[0];
    ce_signal_state.wake[1] = fds[1];
    return 0;
}

/** Catches SIGINT, SIGTERM, SIGHUP and SIGQUIT for an editor's lifetime. */
static inline int ce_catch_session_signals(ce_session_handlers_t *saved) {
    if (ce_open_wake_pipe() != 0)
        return -1;
    ce_signal_state.interrupt = 0;
    ce_catch_unless_ignored(SIGINT, &saved->interrupt);
    ce_catch_unless_ignored(SIGTERM, &saved->terminate);
    ce_catch_unless_ignored(SIGHUP, &saved->hangup);
    ce_catch_unless_ignored(SIGQUIT, &saved->quit);
    return 0;
}

static inline void ce_release_session_signals(const ce_session_handlers_t *saved) {
    sigaction(SIGINT, &saved->interrupt, NULL);
    sigaction(SIGTERM, &saved->terminate, NULL);
    sigaction(SIGHUP, &saved->hangup, NULL);
    sigaction(SIGQUIT, &saved->quit, NULL);
    int fds[2] = {ce_signal_state.wake[0], ce_signal_state.wake[1]};
    ce_signal_state.wake[0] = ce_signal_state.wake[1] = -1;
    for (int i = 0; i < 2; i++)
        if (fds[i] >= 0)
            close(fds[i]);
}

/** Catches SIGWINCH and SIGTSTP while a line is read; outside a read their defaults are right. */
static inline void ce_catch_read_signals(ce_read_handlers_t *saved) {
    ce_signal_state.resize = 0;
    ce_signal_state.suspend = 0;
    ce_catch(SIGWINCH, &saved->resize);
    ce_catch(SIGTSTP, &saved->suspend);
}

static inline void ce_release_read_signals(const ce_read_handlers_t *saved) {
    sigaction(SIGWINCH, &saved->resize, NULL);
    sigaction(SIGTSTP, &saved->suspend, NULL);
}

/** Returns 1 and clears the flag if a SIGINT arrived that nobody has acted on. */
static inline int ce_take_interrupt(void) {
    int pending = ce_signal_state.interrupt;
    ce_signal_state.interrupt = 0;
    return pending;
}

/** The termination signal that arrived (SIGTERM, SIGHUP or SIGQUIT), or 0. */
static inline int ce_termination_signal(void) {
    return ce_signal_state.termination;
}

/* ---------------------------------------------------------------------------------------------
 * Character reader
 * ------------------------------------------------------------------------------------------- */

/** Stops the process for ^Z with the terminal restored, and takes the editor back up on SIGCONT. */
static inline void ce_suspend(EditLine *el) {
    struct sigaction ours, standard;
    memset(&standard, 0, sizeof standard);
    standard.sa_handler = SIG_DFL;
    sigemptyset(&standard.sa_mask);
    /* The shell that takes the terminal while we are stopped must get its pastes as it expects them. */
    int pasting = ce_signal_state.bracketed_paste;
    ce_set_bracketed_paste(0);
    ce_prepare_terminal(el, 0);
    sigaction(SIGTSTP, &standard, &ours);
    raise(SIGTSTP);
    /* Running again: SIGCONT arrived. */
    sigaction(SIGTSTP, &ours, NULL);
    ce_prepare_terminal(el, 1);
    ce_set_bracketed_paste(pasting);
    ce_refresh(el);
}

static inline void ce_drain_wake_pipe(void) {
    char sink[64];
    while (ce_signal_state.wake[0] >= 0 && read(ce_signal_state.wake[0], sink, sizeof sink) > 0) {
    }
}

/** What ce_read_character_within returns when no byte arrived for the time it was given. */
#define CE_READ_SILENCE (-2)

/**
 * Reads one character for libedit, like its built-in reader, but acts on signals: a termination
 * ends the read (-1, EINTR), an interrupt becomes a ^C key (so the line is finished by the editor's
 * own bindings), a resize is applied, a suspension stops the process with the terminal restored.
 * Returns 1 with a character, 0 at end of input, -1 on error, and CE_READ_SILENCE when no byte came
 * for `silence_ms` milliseconds (a negative `silence_ms` waits for ever). Invalid UTF-8 is dropped.
 */
static inline int ce_read_character_within(EditLine *el, wchar_t *out, int silence_ms) {
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    *out = L'\0';
    for (;;) {
        if (ce_signal_state.termination) {
            errno = EINTR;
            return -1;
        }
        if (ce_signal_state.interrupt) {
            ce_signal_state.interrupt = 0;
            *out = 0x03;
            return 1;
        }
        if (ce_signal_state.resize) {
            ce_signal_state.resize = 0;
            /* The terminal may have reflowed the old rows; drawing afresh from the start of the
             * cursor's row (after clearing below) keeps libedit's picture of the screen true, which
             * a line that stays on one row needs and a longer one mostly gets. */
            el_resize(el);
            ce_print("\r\033[J");
            ce_refresh(el);
            continue;
        }
        if (ce_signal_state.suspend) {
            ce_signal_state.suspend = 0;
            ce_suspend(el);
            continue;
        }

        struct pollfd watch[2] = {
            {STDIN_FILENO, POLLIN, 0},
            {ce_signal_state.wake[0], POLLIN, 0},
        };
        int ready = poll(watch, ce_signal_state.wake[0] >= 0 ? 2 : 1, silence_ms);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (ready == 0)
            return CE_READ_SILENCE;
        if (watch[1].revents)
            ce_drain_wake_pipe();
        if (watch[0].revents == 0)
            continue;

        ssize_t got = read(STDIN_FILENO, bytes + count, 1);
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return -1;
        }
        if (got == 0)
            return 0;
        count++;

        for (;;) {
            mbstate_t state;
            memset(&state, 0, sizeof state);
            size_t used = mbrtowc(out, bytes, count, &state);
            if (used == (size_t)-2) {
                if (count >= MB_LEN_MAX)
                    count = 0; /* never completes: drop it */
                break;
            }
            if (used == (size_t)-1) {
                /* Invalid: drop it, but its last byte may start the next character. */
                if (count > 1) {
                    bytes[0] = bytes[count - 1];
                    count = 1;
                    continue;
                }
                count = 0;
                break;
            }
            return 1;
        }
    }
}

/** The reader libedit calls: ce_read_character_within, waiting as long as it takes. */
static inline int ce_read_character(EditLine *el, wchar_t *out) {
    return ce_read_character_within(el, out, -1);
}

/** Makes the editor read through ce_read_character. */
static inline int ce_use_signal_aware_reader(EditLine *el) {
    return el_wset(el, EL_GETCFN, ce_read_character);
}

#endif /* CEDITLINE_SHIM_H */
