;;; emacs-smoke.el --- Emacs with eglot attached to covenant-language-server  -*- lexical-binding: t; -*-
;; Opens samples/payroll.covenant, checks that the diagnostics eglot hands to Flymake are exactly the
;; findings the sample's `// expect:' comments name, and that a hover on a role shows its holder.
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
              (progn
                (ignore-errors (eglot-shutdown server))
                (covenant-smoke-finish t (format "%d diagnostics as the sample expects; hover shows the role and its holder" (length got))))
            (covenant-smoke-finish nil (format "hover on it-ops lacks the role and its holder: %S" text))))))
  (error (covenant-smoke-finish nil (format "%S" err))))
