// libedit's native API for Swift.
//
// el_set, el_get and history are C variadics, which Swift cannot call: each use Lede needs is
// wrapped here in a static inline function with a fixed signature. stdin/stdout/stderr are
// returned through functions because Swift 6 rejects the C globals as not concurrency-safe.
#ifndef LEDE_CEDITLINE_SHIM_H
#define LEDE_CEDITLINE_SHIM_H

#include <stdio.h>
#include <histedit.h>
#include <editline/readline.h>

static inline FILE *lede_stdin(void) { return stdin; }
static inline FILE *lede_stdout(void) { return stdout; }
static inline FILE *lede_stderr(void) { return stderr; }

typedef char *(*lede_prompt_fn)(EditLine *);
typedef unsigned char (*lede_command_fn)(EditLine *, int);

static inline int lede_el_prompt(EditLine *el, lede_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}
static inline int lede_el_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int lede_el_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int lede_el_hist(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int lede_el_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *lede_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int lede_el_addfn(EditLine *el, const char *name, const char *help, lede_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int lede_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, NULL);
}

static inline int lede_h_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int lede_h_setunique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int lede_h_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int lede_h_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int lede_h_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

#endif
