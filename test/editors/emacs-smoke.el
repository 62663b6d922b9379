;;; emacs-smoke.el --- Emacs with eglot attached to covenant-language-server  -*- lexical-binding: t; -*-
;; Opens samples/payroll.covenant, checks that the diagnostics eglot hands to Flymake are exactly the
;; findings the sample's `// expect:' comments name, that a hover on a role shows its holder, and that
;; the SLA001 quick fix removes it (its edit comes in the list: eglot 1.9 does not resolve code actions).
;; Run by emacs-smoke.sh: emacs --batch -Q -l emacs-smoke.el

(require 'package)
;; -Q skips Debian's site-start, which would make its elpa-* packages (eglot 1.9 for Emacs 28) visible.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'flymake)

(defvar covenant-root (or (getenv "COVENANT_ROOT") (error "COVENANT_ROOT is not set")))

(defun covenant-smoke-finish (ok message)
  (princ (format "%s emacs-smoke: %s\n" (if ok "PASS" "FAIL") message))
  (kill-emacs (if ok 0 1)))

(define-derived-mode covenant-mode prog-mode "Covenant"
  "A minimal major mode for Covenant files, enough for eglot."
  (setq-local comment-start "// "))

(add-to-list 'auto-mode-alist '("\\.covenant\\'" . covenant-mode))
(add-to-list 'eglot-server-programs
             `(covenant-mode . ("node" ,(expand-file-name "dist/server.js" covenant-root) "--stdio")))

(defun covenant-smoke-expected ()
  "The (LINE . CODE) pairs the sample's `// expect:' comments name."
  (let (out)
    (save-excursion
      (goto-char (point-min))
      (while (re-search-forward "// expect: \\(.*\\)$" nil t)
        (let ((line (line-number-at-pos)))
          (dolist (code (split-string (match-string 1)))
            (push (format "%d %s" line code) out)))))
    (sort (delete-dups out) #'string<)))

(defun covenant-smoke-got ()
  "The (LINE . CODE) pairs of the Flymake diagnostics eglot reported."
  (let (out)
    (dolist (d (flymake-diagnostics))
      (let ((text (flymake-diagnostic-text d))
            (line (line-number-at-pos (flymake-diagnostic-beg d))))
        (when (string-match "\\[\\([A-Z]+[0-9]+\\)\\]" text)
          (push (format "%d %s" line (match-string 1 text)) out))))
    (sort (delete-dups out) #'string<)))

(defun covenant-smoke-sla001 ()
  "The Flymake diagnostic of SLA001, or nil."
  (seq-find (lambda (d) (string-match-p "\\[SLA001\\]" (flymake-diagnostic-text d))) (flymake-diagnostics)))

(defun covenant-smoke-quick-fix (server)
  "Applies the SLA001 quick fix as eglot would and waits for SLA001 to go; says how the edit came.
Eglot 1.9 does not announce codeAction/resolve, so the server must list the edit with the action."
  (let* ((d (or (covenant-smoke-sla001) (covenant-smoke-finish nil "no SLA001 diagnostic")))
         (at (eglot--pos-to-lsp-position (flymake-diagnostic-beg d)))
         (actions (jsonrpc-request server :textDocument/codeAction
                                   (list :textDocument (eglot--TextDocumentIdentifier)
                                         :range (list :start at :end at)
                                         :context (list :diagnostics []))))
         (action (seq-find (lambda (a) (equal (plist-get a :title) "Add `window monthly`")) actions))
         (how "listed with its edit"))
    (unless action
      (covenant-smoke-finish nil (format "no `Add window monthly' quick fix among %S" (mapcar (lambda (a) (plist-get a :title)) actions))))
    (unless (plist-get action :edit)
      ;; A later eglot that announces resolveSupport resolves the action itself; eglot 1.9 would do nothing.
      (unless (plist-get (plist-get (plist-get (eglot-client-capabilities server) :textDocument) :codeAction) :resolveSupport)
        (covenant-smoke-finish nil "the quick fix came without its edit, to a client that does not resolve code actions"))
      (setq action (jsonrpc-request server :codeAction/resolve action) how "resolved"))
    (unless (plist-get action :edit) (covenant-smoke-finish nil "the quick fix has no edit"))
    (eglot--apply-workspace-edit (plist-get action :edit))
    (unless (save-excursion (goto-char (point-min)) (search-forward "window monthly" nil t))
      (covenant-smoke-finish nil "the quick fix's edit did not reach the buffer"))
    ;; Batch mode never goes idle: send the change and run Flymake now, as eglot's idle timers would.
    (eglot--signal-textDocument/didChange)
    (let ((deadline (+ (float-time) 30)))
      (while (and (covenant-smoke-sla001) (< (float-time) deadline))
        (flymake-start nil t)
        (accept-process-output nil 0.2)))
    (when (covenant-smoke-sla001) (covenant-smoke-finish nil "SLA001 still reported after its quick fix"))
    how))

(condition-case err
    (progn
      (find-file (expand-file-name "samples/payroll.covenant" covenant-root))
      (unless (eq major-mode 'covenant-mode) (covenant-mode))
      ;; The project as eglot finds it for this buffer (the git checkout), so that it manages the buffer.
      (eglot '(covenant-mode) (eglot--current-project) 'eglot-lsp-server
             `("node" ,(expand-file-name "dist/server.js" covenant-root) "--stdio") "covenant")
      ;; Flymake defers its first run to the command loop, which batch mode lacks: start it now, so that
      ;; eglot's backend is registered and the server's diagnostics reach Flymake.
      (flymake-start nil t)
      (let ((deadline (+ (float-time) 30)))
        (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
          (accept-process-output nil 0.1)))
      (when (null (flymake-diagnostics))
        (covenant-smoke-finish nil (format "no diagnostics within 30 s (eglot managing the buffer: %S)" (bound-and-true-p eglot--managed-mode))))
      ;; Let a second publish of the same version settle.
      (let ((until (+ (float-time) 0.5))) (while (< (float-time) until) (accept-process-output nil 0.05)))
      (let ((expected (covenant-smoke-expected)) (got (covenant-smoke-got)))
        (unless (equal expected got)
          (covenant-smoke-finish nil (format "diagnostics differ from the sample's expect comments\n  missing: %S\n  unexpected: %S"
                                             (cl-set-difference expected got :test #'equal)
                                             (cl-set-difference got expected :test #'equal))))
        (goto-char (point-min))
        (re-search-forward "customer it-ops")
        (backward-char 2)
        (let* ((server (eglot-current-server))
               (hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
               (contents (plist-get hover :contents))
               (text (if (stringp contents) contents (plist-get contents :value))))
          (if (and text (string-match-p "IT operations" text) (string-match-p "Nia Shah" text))
              (let ((how (covenant-smoke-quick-fix server)))
                (ignore-errors (eglot-shutdown server))
                (covenant-smoke-finish t (format "%d diagnostics as the sample expects; hover shows the role and its holder; the SLA001 quick fix, %s, removes it" (length got) how)))
            (covenant-smoke-finish nil (format "hover on it-ops lacks the role and its holder: %S" text))))))
  (error (covenant-smoke-finish nil (format "%S" err))))
